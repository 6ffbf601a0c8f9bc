import { count, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { accounts, apiKeys, users } from "@/db/schema";
import type { CustomerActor, OperatorActor } from "@/lib/auth/actor";
import { hashApiKey, hashPassword, newApiKey } from "@/lib/auth/secrets";
import { now } from "@/lib/clock";
import { createAccount, topUp, verifyAccount } from "@/lib/services/accounts";
import { createApp, stopApp } from "@/lib/services/apps";
import { addMember } from "@/lib/services/members";
import { DEMO } from "./demo";

export { DEMO };

export type SeedResult = { seeded: false } | { seeded: true; operatorKey: string; accountKey: string };

/** Seeds the demo data once, into an empty database. Everything goes through the services (ledger, audit). */
export async function seedDemo(): Promise<SeedResult> {
  const [c] = await db().select({ n: count() }).from(accounts);
  if (c!.n > 0) return { seeded: false };

  const at = await now();
  const [op] = await db()
    .insert(users)
    .values({ email: DEMO.operator.email, name: "Platform operator 平台运营", passwordHash: await hashPassword(DEMO.operator.password), kind: "operator", createdAt: at })
    .returning();
  const operator: OperatorActor = { kind: "operator", userId: op!.id };
  const opKey = newApiKey("operator");
  await db().insert(apiKeys).values({ kind: "operator", createdBy: op!.id, name: "demo", prefix: opKey.prefix, keyHash: hashApiKey(opKey.key), createdAt: at });

  const demo = await createAccount(operator, { name: "星河科技 Galaxy Tech", ownerEmail: DEMO.owner.email, ownerPassword: DEMO.owner.password });
  await verifyAccount(operator, demo.account.id);
  await topUp(operator, demo.account.id, { cash: "20000.00", note: "Demo top-up 演示充值" });
  await topUp(operator, demo.account.id, { gift: "500.00", note: "Welcome gift 新客赠送金" });
  const owner: CustomerActor = { kind: "customer", accountId: demo.account.id, role: "owner", userId: demo.ownerId };
  await addMember(owner, { email: DEMO.member.email, name: "李雷 Li Lei", password: DEMO.member.password });
  await createApp(owner, { name: "星河聊天 Galaxy Chat" });
  await createApp(owner, { name: "直播间 Live Room" });
  const old = await createApp(owner, { name: "旧版客服 Legacy Support" });
  await stopApp(owner, old.sdkAppId);

  await createAccount(operator, { name: "初创工作室 Startup Studio", ownerEmail: DEMO.unverified.email, ownerPassword: DEMO.unverified.password });
  await db().update(users).set({ name: "王芳 Wang Fang" }).where(eq(users.email, DEMO.owner.email));
  return { seeded: true, operatorKey: opKey.key, accountKey: demo.apiKey };
}
