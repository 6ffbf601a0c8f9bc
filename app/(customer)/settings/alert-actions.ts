"use server";

import { z } from "zod";
import { runAction } from "@/lib/auth/action";
import { revalidateAccountPages } from "@/lib/revalidate";
import { addRecipient, removeRecipient } from "@/lib/services/alert-recipients";
import { setBalanceAlert } from "@/lib/services/balance-alert";
import { balanceAlertSchema, recipientSchema } from "@/lib/validation/notifications";

export async function addRecipientAction(input: unknown) {
  return runAction("alerts:manage", recipientSchema, input, async (actor, data) => {
    const r = await addRecipient(actor, data);
    revalidateAccountPages();
    return r;
  });
}

export async function removeRecipientAction(input: unknown) {
  return runAction("alerts:manage", z.object({ id: z.uuid() }), input, async (actor, { id }) => {
    await removeRecipient(actor, id);
    revalidateAccountPages();
    return { id };
  });
}

export async function setBalanceAlertAction(input: unknown) {
  return runAction("alerts:manage", balanceAlertSchema, input, async (actor, { threshold }) => {
    const a = await setBalanceAlert(actor, threshold);
    revalidateAccountPages();
    return { balanceAlert: a.balanceAlert };
  });
}
