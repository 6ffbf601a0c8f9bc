import { count, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { accounts, apiKeys, users } from "@/db/schema";
import type { CustomerActor, OperatorActor } from "@/lib/auth/actor";
import { hashApiKey, hashPassword, newApiKey } from "@/lib/auth/secrets";
import { now } from "@/lib/clock";
import { createAccount, topUp, verifyAccount } from "@/lib/services/accounts";
import { createApp, stopApp } from "@/lib/services/apps";
import { applyFeature } from "@/lib/services/features";
import { addMember } from "@/lib/services/members";
import { addRecipient } from "@/lib/services/alert-recipients";
import { placeOrder } from "@/lib/services/purchase";
import { issueVoucher } from "@/lib/services/vouchers";
import { money } from "@/lib/money";
import { DEMO } from "./demo";
import { seedDemoUsage } from "./demo-usage";

export { DEMO };

export type SeedResult = { seeded: false } | { seeded: true; operatorKey: string; accountKey: string };

/** Seeds the demo data once, into an empty database. Everything goes through the services (ledger, audit). */
export async function seedDemo(): Promise<SeedResult> {
  const [c] = await db().select({ n: count() }).from(accounts);
  if (c!.n > 0) return { seeded: false };

  const at = await now();
  const [op] = await db()
    .insert(users)
    .values({
      email: DEMO.operator.email,
      name: "Platform operator 平台运营",
      passwordHash: await hashPassword(DEMO.operator.password),
      kind: "operator",
      createdAt: at,
    })
    .returning();
  const operator: OperatorActor = { kind: "operator", userId: op!.id };
  const opKey = newApiKey("operator");
  await db()
    .insert(apiKeys)
    .values({
      kind: "operator",
      createdBy: op!.id,
      name: "demo",
      prefix: opKey.prefix,
      keyHash: hashApiKey(opKey.key),
      createdAt: at,
    });

  const demo = await createAccount(operator, {
    name: "星河科技 Galaxy Tech",
    ownerEmail: DEMO.owner.email,
    ownerPassword: DEMO.owner.password,
  });
  await verifyAccount(operator, demo.account.id);
  await topUp(operator, demo.account.id, { cash: "80000.00", note: "Demo top-up 演示充值" });
  await topUp(operator, demo.account.id, { gift: "500.00", note: "Welcome gift 新客赠送金" });
  const owner: CustomerActor = { kind: "customer", accountId: demo.account.id, role: "owner", userId: demo.ownerId };
  await addMember(owner, { email: DEMO.member.email, name: "李雷 Li Lei", password: DEMO.member.password });
  const chat = await createApp(owner, { name: "星河聊天 Galaxy Chat" });
  const live = await createApp(owner, { name: "直播间 Live Room" });
  // Real orders through the purchase service: the first purchase (campaign price) and an ultimate annual plan.
  await placeOrder(
    owner,
    {
      type: "plan",
      sdkAppId: chat.sdkAppId,
      edition: "pro",
      months: 1,
      packs: [{ pack: "security_advanced", tier: null }],
      autoRenew: true,
      agreeSla: true,
    },
    "seed-order-1",
  );
  await placeOrder(
    owner,
    {
      type: "plan",
      sdkAppId: live.sdkAppId,
      edition: "ultimate",
      months: 12,
      packs: [{ pack: "group_members", tier: "6000" }],
      agreeSla: true,
    },
    "seed-order-2",
  );
  await createApp(owner, { name: "新活动 Spring Campaign" });
  // R-FEAT-1: the ultimate app has asked for communities; it waits in the operators' queue.
  await applyFeature(owner, live.sdkAppId, "communities");
  await issueVoucher(operator, {
    accountId: demo.account.id,
    amount: money("200.00"),
    minTotal: money("500.00"),
    expiresAt: new Date(at.getTime() + 90 * 86_400_000),
  });
  const old = await createApp(owner, { name: "旧版客服 Legacy Support" });
  await stopApp(owner, old.sdkAppId);

  // R-LIFE-6: a finance contact who wants bills and money warnings; then months of usage through the
  // usage services, an app bought two months back, and the past bills the scheduler made (db/demo-usage.ts).
  await addRecipient(owner, {
    name: "财务 Finance",
    email: "finance@galaxy-tech.example",
    phone: "13800138000",
    kinds: ["bill_pushed", "arrears", "balance_alert", "auto_renew_failed"],
  });
  await seedDemoUsage(owner, at, [live.sdkAppId]);

  await createAccount(operator, {
    name: "初创工作室 Startup Studio",
    ownerEmail: DEMO.unverified.email,
    ownerPassword: DEMO.unverified.password,
  });
  await db().update(users).set({ name: "王芳 Wang Fang" }).where(eq(users.email, DEMO.owner.email));
  return { seeded: true, operatorKey: opKey.key, accountKey: demo.apiKey };
}
