"use server";

import { z } from "zod";
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/auth/action";
import { createAccount, topUp, verifyAccount } from "@/lib/services/accounts";
import { createAccountSchema, topUpSchema } from "@/lib/validation/accounts";

const accountId = z.object({ accountId: z.uuid() });

export async function createAccountAction(input: unknown) {
  return runAction("admin:accounts", createAccountSchema, input, async (actor, data) => {
    const r = await createAccount(actor, data);
    revalidatePath("/admin/accounts");
    return { id: r.account.id, name: r.account.name, apiKey: r.apiKey };
  });
}

export async function verifyAccountAction(input: unknown) {
  return runAction("admin:accounts", accountId, input, async (actor, { accountId }) => {
    const a = await verifyAccount(actor, accountId);
    revalidatePath(`/admin/accounts/${accountId}`);
    return a;
  });
}

export async function topUpAction(input: unknown) {
  const schema = z.intersection(accountId, topUpSchema);
  return runAction("admin:accounts", schema, input, async (actor, { accountId, ...rest }) => {
    const a = await topUp(actor, accountId, rest);
    revalidatePath(`/admin/accounts/${accountId}`);
    return a;
  });
}
