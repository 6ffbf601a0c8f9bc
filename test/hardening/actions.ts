/**
 * Every server action, found on the file system (app/**\/*actions.ts and their exported functions), and
 * one valid call per action that the hostile-input property test mutates.
 *
 * A new action is picked up automatically; the test then fails until SAMPLES below has an entry
 * "<file under app/>#<export>" giving its arguments and who calls it (or `skip` with the reason).
 * Leave out fields the action overwrites itself (e.g. `type`, `agreeSla`): any value there is fine.
 */
import { readdirSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { randomUUID } from "node:crypto";

export type ServerAction = { id: string; fn: (...args: unknown[]) => Promise<unknown> };

const APP = join(import.meta.dirname, "..", "..", "app");

function actionFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return e.name === "api" ? [] : actionFiles(p);
    return /actions\.ts$/.test(e.name) ? [p] : [];
  });
}

export async function allServerActions(): Promise<ServerAction[]> {
  const out: ServerAction[] = [];
  for (const file of actionFiles(APP).sort()) {
    const mod = (await import(file)) as Record<string, unknown>;
    for (const [name, fn] of Object.entries(mod)) {
      if (typeof fn === "function")
        out.push({ id: `${relative(APP, file).split(sep).join("/")}#${name}`, fn: fn as ServerAction["fn"] });
    }
  }
  return out;
}

export type ActionFixture = {
  sdkAppId: number;
  accountId: string;
  memberId: string;
  keyId: string;
  campaignId: string;
};
export type ActionSample = { who: "customer" | "operator"; args: unknown[] } | { skip: string };

const plan = (f: ActionFixture) => ({
  type: "plan",
  sdkAppId: f.sdkAppId,
  edition: "pro",
  months: 1,
  packs: [{ pack: "group_members", tier: "2000" }],
  agreeSla: true,
});
const idem = () => `hostile-${randomUUID()}`;
const campaign = {
  name: "Hostile campaign",
  editions: ["pro"],
  minMonths: 1,
  maxMonths: 12,
  appliesNew: true,
  appliesRenewal: false,
  rate: "0.5",
  firstPurchaseOnly: false,
  oncePerAccount: false,
  refundable: true,
  startsAt: "2030-01-01T00:00",
  endsAt: "2030-02-01T00:00",
};

export const ACTION_SAMPLES: Record<string, (f: ActionFixture) => ActionSample> = {
  "(customer)/apps/actions.ts#createAppAction": () => ({ who: "customer", args: [{ name: "Hostile app" }] }),
  "(customer)/apps/actions.ts#stopAppAction": (f) => ({ who: "customer", args: [{ sdkAppId: f.sdkAppId }] }),
  "(customer)/apps/actions.ts#startAppAction": (f) => ({ who: "customer", args: [{ sdkAppId: f.sdkAppId }] }),
  "(customer)/apps/actions.ts#deleteAppAction": (f) => ({ who: "customer", args: [{ sdkAppId: f.sdkAppId }] }),
  "(customer)/apps/actions.ts#renameAppAction": (f) => ({
    who: "customer",
    args: [{ sdkAppId: f.sdkAppId, name: "Renamed" }],
  }),
  // One module for the buy, change and renewal pages (a variant each). The quote sets agreeSla itself (a price is
  // shown before the box is ticked): leave it out.
  "(customer)/orders/actions.ts#quoteOrderAction": (f) => ({
    who: "customer",
    args: ["buy", (({ agreeSla: _, ...rest }) => rest)(plan(f))],
  }),
  "(customer)/orders/actions.ts#placeOrderAction": (f) => ({ who: "customer", args: ["buy", plan(f), idem()] }),
  "(customer)/refunds/actions.ts#previewRefundAction": (f) => ({
    who: "customer",
    args: [{ sdkAppId: f.sdkAppId, product: "plan", mode: "standard" }],
  }),
  "(customer)/refunds/actions.ts#requestRefundAction": (f) => ({
    who: "customer",
    args: [{ sdkAppId: f.sdkAppId, product: "plan", mode: "standard" }],
  }),
  "(customer)/renewals/actions.ts#setAutoRenewAction": (f) => ({
    who: "customer",
    args: [{ sdkAppId: f.sdkAppId, enabled: true }],
  }),
  "(customer)/renewals/actions.ts#setDontRenewAction": (f) => ({
    who: "customer",
    args: [{ sdkAppId: f.sdkAppId, on: true }],
  }),
  "(customer)/apps/[sdkAppId]/actions.ts#applyFeatureAction": (f) => ({
    who: "customer",
    args: [{ sdkAppId: f.sdkAppId, feature: "broadcast" }],
  }),
  "(operator)/admin/features/actions.ts#approveFeatureAction": () => ({
    who: "operator",
    args: [{ id: randomUUID() }],
  }),
  "(operator)/admin/features/actions.ts#rejectFeatureAction": () => ({
    who: "operator",
    args: [{ id: randomUUID(), reason: "hostile test" }],
  }),
  "(customer)/notifications/actions.ts#markReadAction": () => ({ who: "customer", args: [{ id: randomUUID() }] }),
  "(customer)/notifications/actions.ts#markAllReadAction": () => ({ who: "customer", args: [{}] }),
  "(customer)/settings/alert-actions.ts#addRecipientAction": () => ({
    who: "customer",
    args: [{ name: "Finance", email: `finance-${randomUUID()}@test.example`, kinds: ["bill_pushed"] }],
  }),
  "(customer)/settings/alert-actions.ts#removeRecipientAction": () => ({
    who: "customer",
    args: [{ id: randomUUID() }],
  }),
  "(customer)/settings/alert-actions.ts#setBalanceAlertAction": () => ({
    who: "customer",
    args: [{ threshold: "100.00" }],
  }),
  "(customer)/settings/actions.ts#addMemberAction": () => ({
    who: "customer",
    args: [{ email: `member-${randomUUID()}@test.example`, name: "Member", password: "a long password" }],
  }),
  "(customer)/settings/actions.ts#removeMemberAction": (f) => ({ who: "customer", args: [{ id: f.memberId }] }),
  "(customer)/settings/actions.ts#createApiKeyAction": () => ({ who: "customer", args: [{ name: "Hostile key" }] }),
  "(customer)/settings/actions.ts#revokeApiKeyAction": (f) => ({ who: "customer", args: [{ id: f.keyId }] }),
  "(operator)/admin/accounts/actions.ts#createAccountAction": () => ({
    who: "operator",
    args: [{ name: "Hostile", ownerEmail: `owner-${randomUUID()}@test.example`, ownerPassword: "a long password" }],
  }),
  "(operator)/admin/accounts/actions.ts#verifyAccountAction": (f) => ({
    who: "operator",
    args: [{ accountId: f.accountId }],
  }),
  "(operator)/admin/accounts/actions.ts#topUpAction": (f) => ({
    who: "operator",
    args: [{ accountId: f.accountId, cash: "1.00", gift: "1.00", note: "hostile" }],
  }),
  "(operator)/admin/accounts/actions.ts#clearLoginLockAction": (f) => ({
    who: "operator",
    args: [{ accountId: f.accountId, email: "someone@test.example" }],
  }),
  "(operator)/admin/campaigns/actions.ts#createCampaignAction": () => ({ who: "operator", args: [campaign] }),
  "(operator)/admin/campaigns/actions.ts#updateCampaignAction": (f) => ({
    who: "operator",
    args: [{ id: f.campaignId, ...campaign }],
  }),
  "(operator)/admin/campaigns/actions.ts#endCampaignAction": (f) => ({ who: "operator", args: [{ id: f.campaignId }] }),
  "(operator)/admin/clock/actions.ts#advanceClockAction": () => ({ who: "operator", args: [{ advanceSeconds: 1 }] }),
  "(operator)/admin/refunds/actions.ts#approveRefundAction": () => ({ who: "operator", args: [{ id: randomUUID() }] }),
  "(operator)/admin/refunds/actions.ts#rejectRefundAction": () => ({
    who: "operator",
    args: [{ id: randomUUID(), reason: "hostile" }],
  }),
  "(operator)/admin/vouchers/actions.ts#issueVoucherAction": (f) => ({
    who: "operator",
    args: [{ accountId: f.accountId, amount: "5.00", minTotal: "10.00", expiresAt: "2030-01-01T00:00" }],
  }),
  "locale-actions.ts#setLocale": () => ({
    skip: "not a runAction: it only sets the locale cookie, and toLocale maps any value to a known locale",
  }),
};
