import { apiRoute } from "@/lib/auth/api";
import { refundNumberOf } from "@/lib/billing/numbers";
import { listRefunds } from "@/lib/services/refund";
import { parseInput } from "@/lib/validation/common";
import { refundStatusSchema } from "@/lib/validation/refunds";

export const GET = apiRoute("admin:refunds", async ({ req }) => {
  const { status } = parseInput(refundStatusSchema, Object.fromEntries(new URL(req.url).searchParams));
  const rows = await listRefunds({ status, limit: 500 });
  return {
    refunds: rows.map((r) => ({
      id: r.id,
      refundNo: refundNumberOf(r),
      accountId: r.accountId,
      sdkAppId: r.sdkAppId,
      product: r.product,
      mode: r.mode,
      status: r.status,
      total: r.total,
      requestedAt: r.requestedAt.toISOString(),
      reviewReason: r.reviewReason,
      rejectReason: r.rejectReason,
      // R-BUY-3: the refund half of a plan change; approving it runs the whole change
      ...(r.changeOrderId ? { changeOrderId: r.changeOrderId, changeOrderNo: r.changeOrderNo } : {}),
    })),
  };
});
