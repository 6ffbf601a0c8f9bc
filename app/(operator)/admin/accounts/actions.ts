"use server";

import { z } from "zod";
import { runAction } from "@/lib/auth/action";
import { revalidateAccountPages } from "@/lib/revalidate";
import { createAccount, topUp, verifyAccount } from "@/lib/services/accounts";
import { createAccountSchema, emailSchema, topUpSchema } from "@/lib/validation/accounts";
import { clearLoginLock } from "@/lib/services/login";

const accountId = z.object({ accountId: z.uuid() });

export async function createAccountAction(input: unknown) {
  return runAction("admin:accounts", createAccountSchema, input, async (actor, data) => {
    const r = await createAccount(actor, data);
    revalidateAccountPages();
    return { id: r.account.id, name: r.account.name, apiKey: r.apiKey };
  });
}

export async function verifyAccountAction(input: unknown) {
  return runAction("admin:accounts", accountId, input, async (actor, { accountId }) => {
    const a = await verifyAccount(actor, accountId);
    revalidateAccountPages();
    return a;
  });
}

export async function topUpAction(input: unknown) {
  const schema = z.intersection(accountId, topUpSchema);
  return runAction("admin:accounts", schema, input, async (actor, { accountId, ...rest }) => {
    const a = await topUp(actor, accountId, rest);
    revalidateAccountPages();
    return a;
  });
}

/** Clears a user's failed-login count and lock (issue 8: the operator can see and clear a lock). */
export async function clearLoginLockAction(input: unknown) {
  return runAction(
    "admin:accounts",
    z.object({ accountId: z.uuid(), email: emailSchema }),
    input,
    async (actor, { email }) => {
      await clearLoginLock(actor, email);
      revalidateAccountPages();
      return { email };
    },
  );
}
