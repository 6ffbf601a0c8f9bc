import { apiRoute, body, created } from "@/lib/auth/api";
import { now } from "@/lib/clock";
import { money } from "@/lib/money";
import { issueVoucher, listVouchers } from "@/lib/services/vouchers";
import { voucherIssueSchema } from "@/lib/validation/orders";
import { voucherJson } from "@/lib/wire";

export const GET = apiRoute("admin:vouchers", async () => {
  const at = await now();
  return { vouchers: (await listVouchers()).map((v) => voucherJson(v, at)) };
});

export const POST = apiRoute("admin:vouchers", async ({ actor, req }) => {
  const input = await body(req, voucherIssueSchema);
  const v = await issueVoucher(actor, {
    accountId: input.accountId,
    amount: money(input.amount),
    ...(input.minTotal ? { minTotal: money(input.minTotal) } : {}),
    expiresAt: new Date(input.expiresAt),
  });
  return created(voucherJson(v, await now()));
});
