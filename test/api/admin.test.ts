import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { users } from "@/db/schema";
import { GET as accountRoute } from "@/app/api/v1/account/route";
import { POST as createAppRoute } from "@/app/api/v1/apps/route";
import { GET as adminAccountsList, POST as adminCreateAccount } from "@/app/api/v1/admin/accounts/route";
import { POST as adminVerify } from "@/app/api/v1/admin/accounts/[id]/verify/route";
import { POST as adminTopUp } from "@/app/api/v1/admin/accounts/[id]/topups/route";
import {
  MONEY_STRING,
  auditRows,
  call,
  createCustomer,
  createOperator,
  ledgerRows,
  SLOW,
  uniqueEmail,
  type TestCustomer,
  type TestOperator,
} from "../helpers";

let op: TestOperator;
beforeAll(async () => {
  op = await createOperator();
});

const newAccountBody = () => ({
  name: "Acme IM",
  ownerEmail: uniqueEmail("acme"),
  ownerPassword: "correct horse battery",
});

describe("POST /admin/accounts", () => {
  it(
    "R-ACC-3: creates an account with its owner → 201 {account, apiKey}; the key works on GET /account",
    async () => {
      const input = newAccountBody();
      const r = await call(adminCreateAccount, { key: op.key, body: input });
      expect(r.status).toBe(201);
      expect(Object.keys(r.json).sort()).toEqual(["account", "apiKey"]);
      expect(r.json.account).toMatchObject({
        name: "Acme IM",
        verified: false,
        balance: { cash: "0.00", gift: "0.00", available: "0.00" },
        inArrears: false,
        fiveDayRefundUsed: false,
      });
      expect(r.json.apiKey).toMatch(/^imk_/);

      const me = await call(accountRoute, { key: r.json.apiKey });
      expect(me.status).toBe(200);
      // the customer's own account answer also says its balance alert (API.md), none for a new account
      expect(me.json).toEqual({ ...r.json.account, balanceAlert: null });

      const [owner] = await db().select().from(users).where(eq(users.accountId, r.json.account.id));
      expect(owner).toMatchObject({ email: input.ownerEmail, kind: "customer", accountRole: "owner" });
      expect(owner!.passwordHash).not.toContain(input.ownerPassword);
      const audit = await auditRows(r.json.account.id);
      expect(audit.map((a) => a.action)).toEqual(["account.create"]);
      expect(audit[0]!.actor).toBe(`key:${op.keyId}`);

      // a new account can create apps without verification (R-ACC-2)
      expect((await call(createAppRoute, { key: r.json.apiKey, body: { name: "first" } })).status).toBe(201);

      const list = await call(adminAccountsList, {
        key: op.key,
        path: `/api/v1/admin/accounts?q=${encodeURIComponent(input.ownerEmail)}`,
      });
      expect(list.status).toBe(200);
      expect(list.json.accounts).toHaveLength(1);
      expect(list.json.accounts[0]).toMatchObject({ id: r.json.account.id, ownerEmail: input.ownerEmail, appCount: 1 });
    },
    SLOW,
  );

  it(
    "R-ACC-3: a duplicate owner e-mail (any case) → 409 naming ownerEmail",
    async () => {
      const input = newAccountBody();
      expect((await call(adminCreateAccount, { key: op.key, body: input })).status).toBe(201);
      for (const ownerEmail of [input.ownerEmail, input.ownerEmail.toUpperCase(), `  ${input.ownerEmail} `]) {
        const r = await call(adminCreateAccount, { key: op.key, body: { ...input, name: "Other", ownerEmail } });
        expect(r.status).toBe(409);
        expect(r.json.error.details.fields.ownerEmail).toEqual(expect.any(String));
      }
    },
    SLOW,
  );

  it.each([
    ["a bad e-mail", { ownerEmail: "not-an-email" }, "ownerEmail"],
    ["a missing e-mail", { ownerEmail: undefined }, "ownerEmail"],
    ["a short password", { ownerPassword: "short" }, "ownerPassword"],
    ["a numeric password", { ownerPassword: 12345678 }, "ownerPassword"],
    ["an empty name", { name: "   " }, "name"],
  ])("R-ACC-3: %s → 400 validation_failed with details.fields", async (_label, patch, field) => {
    const body = { ...newAccountBody(), ...patch };
    const r = await call(adminCreateAccount, { key: op.key, body });
    expect(r.status).toBe(400);
    expect(r.json.error.code).toBe("validation_failed");
    expect(r.json.error.details.fields[field]).toEqual(expect.any(String));
    if (typeof body.ownerEmail === "string" && body.ownerEmail.includes("@")) {
      const rows = await db().select().from(users).where(eq(users.email, body.ownerEmail));
      expect(rows).toHaveLength(0);
    }
  });
});

describe("POST /admin/accounts/{id}/verify", () => {
  it("R-ACC-2: verifies an account (idempotent, one audit row)", async () => {
    const c = await createCustomer(op);
    const r1 = await call(adminVerify, { method: "POST", key: op.key, params: { id: c.accountId } });
    expect(r1.status).toBe(200);
    expect(r1.json).toMatchObject({ id: c.accountId, verified: true });
    const r2 = await call(adminVerify, { method: "POST", key: op.key, params: { id: c.accountId } });
    expect(r2.status).toBe(200);
    expect(r2.json).toEqual(r1.json);
    expect((await call(accountRoute, { key: c.apiKey })).json.verified).toBe(true);
    expect((await auditRows(c.accountId)).filter((a) => a.action === "account.verify")).toHaveLength(1);
  });

  it("R-ACC-2: an unknown or malformed account id → 404", async () => {
    for (const id of [randomUUID(), "nope"]) {
      const r = await call(adminVerify, { method: "POST", key: op.key, params: { id } });
      expect(r.status).toBe(404);
      expect(r.json.error.code).toBe("not_found");
    }
  });
});

describe("POST /admin/accounts/{id}/topups", () => {
  it("R-MONEY-2: cash 100.00 then gift 20.50 → exact two-decimal balances, one ledger row each", async () => {
    const c = await createCustomer(op);
    const p = { id: c.accountId };
    const r1 = await call(adminTopUp, { key: op.key, params: p, body: { cash: "100.00", note: "bank transfer 1" } });
    expect(r1.status).toBe(200);
    expect(r1.json.balance).toEqual({ cash: "100.00", gift: "0.00", available: "100.00" });
    const r2 = await call(adminTopUp, { key: op.key, params: p, body: { gift: "20.50", note: "welcome gift" } });
    expect(r2.status).toBe(200);
    expect(r2.json.balance).toEqual({ cash: "100.00", gift: "20.50", available: "120.50" });
    const r3 = await call(adminTopUp, { key: op.key, params: p, body: { cash: "0.01", gift: "9.5", note: "both" } });
    expect(r3.json.balance).toEqual({ cash: "100.01", gift: "30.00", available: "130.01" });

    const me = await call(accountRoute, { key: c.apiKey });
    expect(me.json.balance).toEqual({ cash: "100.01", gift: "30.00", available: "130.01" });
    for (const v of Object.values(me.json.balance)) expect(v).toMatch(MONEY_STRING);

    const ledger = await ledgerRows(c.accountId);
    expect(ledger.map((l) => [l.kind, l.cashDelta, l.giftDelta, l.cashAfter, l.giftAfter, l.note])).toEqual([
      ["topup", "100.00", "0.00", "100.00", "0.00", "bank transfer 1"],
      ["grant", "0.00", "20.50", "100.00", "20.50", "welcome gift"],
      ["topup", "0.01", "0.00", "100.01", "20.50", "both"],
      ["grant", "0.00", "9.50", "100.01", "30.00", "both"],
    ]);
    for (const l of ledger) expect(l.actor).toBe(`key:${op.keyId}`);
    const audit = (await auditRows(c.accountId)).filter((a) => a.action === "account.topup");
    expect(audit).toHaveLength(3);
    expect(audit[1]).toMatchObject({
      before: { cash: "100.00", gift: "0.00" },
      after: { cash: "100.00", gift: "20.50" },
    });
  });

  let shared: TestCustomer;
  beforeAll(async () => {
    shared = await createCustomer(op);
  });

  it.each([
    ["too many decimals", { cash: "1.005", note: "n" }, "cash"],
    ["zero", { cash: "0", note: "n" }, "cash"],
    ["zero with decimals", { gift: "0.00", note: "n" }, "gift"],
    ["negative", { cash: "-5", note: "n" }, "cash"],
    ["a JSON number", { cash: 5, note: "n" }, "cash"],
    ["not a number", { gift: "abc", note: "n" }, "gift"],
    ["exponent form", { cash: "1e3", note: "n" }, "cash"],
    ["neither cash nor gift", { note: "n" }, "cash"],
    ["missing note", { cash: "10.00" }, "note"],
    ["empty note", { cash: "10.00", note: "  " }, "note"],
    ["a good cash with a bad gift", { cash: "10.00", gift: "-1", note: "n" }, "gift"],
  ])("R-MONEY-1: a bad top-up (%s) → 400 with fields and NO ledger row", async (_label, body, field) => {
    const c = shared;
    const r = await call(adminTopUp, { key: op.key, params: { id: c.accountId }, body });
    expect(r.status).toBe(400);
    expect(r.json.error.code).toBe("validation_failed");
    expect(r.json.error.details.fields[field]).toEqual(expect.any(String));
    expect(await ledgerRows(c.accountId)).toHaveLength(0);
    expect((await call(accountRoute, { key: c.apiKey })).json.balance).toEqual({
      cash: "0.00",
      gift: "0.00",
      available: "0.00",
    });
  });

  it("R-MONEY-2: a top-up for an unknown account → 404, nothing written", async () => {
    for (const id of [randomUUID(), "12345"]) {
      const r = await call(adminTopUp, { key: op.key, params: { id }, body: { cash: "10.00", note: "n" } });
      expect(r.status).toBe(404);
      expect(r.json.error.code).toBe("not_found");
    }
  });
});
