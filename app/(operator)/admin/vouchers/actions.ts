"use server";

import { runAction } from "@/lib/auth/action";
import { revalidateAccountPages } from "@/lib/revalidate";
import { money } from "@/lib/money";
import { issueVoucher } from "@/lib/services/vouchers";
import { voucherFormSchema } from "@/lib/validation/campaigns";

/** R-PROMO-3: an operator issues a voucher to one account; strings become Money here, never in the browser. */
export async function issueVoucherAction(input: unknown) {
  return runAction("admin:vouchers", voucherFormSchema, input, async (actor, d) => {
    const v = await issueVoucher(actor, {
      accountId: d.accountId,
      amount: money(d.amount),
      ...(d.minTotal ? { minTotal: money(d.minTotal) } : {}),
      expiresAt: d.expiresAt,
    });
    revalidateAccountPages();
    return { id: v.id, amount: v.amount };
  });
}
