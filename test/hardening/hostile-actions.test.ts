/**
 * Issue 8 for server actions: every action on disk, called through its guard as a logged-in user, with
 * each field of a valid call replaced by a value no field accepts (NUL, lone surrogate, an object where
 * a scalar belongs) → `{ok: false, error: {code: "validation_failed", fields}}`, and nothing written.
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { asSessionUser } from "@/lib/auth/action";
import { createApp } from "@/lib/services/apps";
import { createAccountApiKey } from "@/lib/services/api-keys";
import { addMember } from "@/lib/services/members";
import { createCampaign } from "@/lib/services/campaigns";
import type { SessionUser } from "@/lib/services/login";
import { campaignSchema } from "@/lib/validation/campaigns";
import { SLOW, createCustomer, createOperator, uniqueEmail, type TestCustomer, type TestOperator } from "../helpers";
import { ACTION_SAMPLES, allServerActions, type ActionFixture, type ServerAction } from "./actions";
import { footprint } from "./footprint";

let op: TestOperator;
let c: TestCustomer;
let fixture: ActionFixture;
let actions: ServerAction[];
let users: Record<"customer" | "operator", SessionUser>;

const text = fc.string({ maxLength: 12 });
const alwaysInvalid = fc.oneof(
  fc.tuple(text, text).map(([a, b]) => `${a}\u0000${b}`),
  fc
    .tuple(text, fc.integer({ min: 0xd800, max: 0xdfff }), text)
    .map(([a, ch, b]) => `${a}${String.fromCharCode(ch)}${b}`),
  fc.constant({ $gt: "" }),
);

function leaves(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return [path, ...value.flatMap((v, i) => leaves(v, [...path, i]))];
  if (value && typeof value === "object")
    return [path, ...Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k]))];
  return [path];
}
function setAt(root: unknown, path: (string | number)[], v: unknown): unknown {
  if (path.length === 0) return v;
  const copy: any = Array.isArray(root) ? [...root] : { ...(root as object) };
  copy[path[0]!] = setAt(copy[path[0]!], path.slice(1), v);
  return copy;
}

beforeAll(async () => {
  op = await createOperator();
  c = await createCustomer(op, { verified: true, cash: "100000.00" });
  const app = await createApp(c.actor, { name: "Hostile action fixture" });
  const member = await addMember(c.actor, {
    email: uniqueEmail("member"),
    name: "Member",
    password: "a long password",
  });
  const key = await createAccountApiKey(c.actor, "fixture");
  const camp = await createCampaign(
    op.actor,
    campaignSchema.parse({
      name: "Fixture",
      editions: ["pro"],
      minMonths: 1,
      maxMonths: 1,
      appliesNew: true,
      appliesRenewal: false,
      rate: "0.9",
      firstPurchaseOnly: false,
      oncePerAccount: false,
      refundable: true,
      startsAt: "2031-01-01T00:00",
      endsAt: "2031-01-02T00:00",
    }),
  );
  fixture = { sdkAppId: app.sdkAppId, accountId: c.accountId, memberId: member.id, keyId: key.id, campaignId: camp.id };
  users = {
    customer: { id: c.ownerId, email: c.email, name: "Owner", kind: "customer", accountId: c.accountId, role: "owner" },
    operator: {
      id: op.userId,
      email: "op@test.example",
      name: "Operator",
      kind: "operator",
      accountId: null,
      role: null,
    },
  };
  actions = await allServerActions();
}, SLOW);

describe("issue 8: hostile input to server actions", () => {
  it("every server action on disk has a sample call in test/hardening/actions.ts", () => {
    const missing = actions.filter((a) => !ACTION_SAMPLES[a.id]).map((a) => a.id);
    expect(missing, "add these to ACTION_SAMPLES in test/hardening/actions.ts").toEqual([]);
    expect(actions.length).toBeGreaterThanOrEqual(30);
  });

  it("every action: a value no field accepts in any argument → validation_failed with fields, no write", async () => {
    const rows = () => footprint([c.accountId], [`user:${c.ownerId}`, `operator:${op.userId}`]);
    for (const a of actions) {
      const make = ACTION_SAMPLES[a.id];
      if (!make) continue;
      const sample = make(fixture);
      if ("skip" in sample) continue;
      const targets = sample.args.flatMap((arg, i) =>
        leaves(arg).map((path) => ({ i, path, original: path.reduce<any>((o, k) => o?.[k], arg) })),
      );
      for (const t of targets) {
        const scalarSlot = t.original === null || typeof t.original !== "object";
        await fc.assert(
          fc.asyncProperty(
            alwaysInvalid.filter((v) => scalarSlot || typeof v === "string"),
            async (v) => {
              const before = await rows();
              const fresh = make(fixture) as { args: unknown[] };
              const args = fresh.args.map((arg, i) => (i === t.i ? setAt(arg, t.path, v) : arg));
              const r = (await asSessionUser(users[sample.who], () => a.fn(...args))) as {
                ok: boolean;
                error?: { code: string; fields?: object };
              };
              const answer = JSON.stringify(r).slice(0, 300);
              const where = `${a.id} args[${t.i}].${t.path.join(".")} = ${JSON.stringify(v)} → ${answer}`;
              expect(r.ok, where).toBe(false);
              expect(r.error?.code, where).toBe("validation_failed");
              expect(r.error?.fields, where).toEqual(expect.any(Object));
              expect(await rows(), `${where}: rows written`).toBe(before);
            },
          ),
          { numRuns: 5 },
        );
      }
    }
  }, 900_000);
});
