"use server";

import { z } from "zod";
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/auth/action";
import { addRecipient, removeRecipient } from "@/lib/services/alert-recipients";
import { setBalanceAlert } from "@/lib/services/balance-alert";
import { balanceAlertSchema, recipientSchema } from "@/lib/validation/notifications";

export async function addRecipientAction(input: unknown) {
  return runAction("alerts:manage", recipientSchema, input, async (actor, data) => {
    const r = await addRecipient(actor, data);
    revalidatePath("/settings");
    return r;
  });
}

export async function removeRecipientAction(input: unknown) {
  return runAction("alerts:manage", z.object({ id: z.uuid() }), input, async (actor, { id }) => {
    await removeRecipient(actor, id);
    revalidatePath("/settings");
    return { id };
  });
}

export async function setBalanceAlertAction(input: unknown) {
  return runAction("alerts:manage", balanceAlertSchema, input, async (actor, { threshold }) => {
    const a = await setBalanceAlert(actor, threshold);
    revalidatePath("/", "layout");
    return { balanceAlert: a.balanceAlert };
  });
}
