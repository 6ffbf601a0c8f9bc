import { apiRoute } from "@/lib/auth/api";
import { listRefunds } from "@/lib/services/refund";
import { parseInput } from "@/lib/validation/common";
import { refundStatusSchema } from "@/lib/validation/refunds";
import { adminRefundJson } from "@/lib/wire";

export const GET = apiRoute("admin:refunds", async ({ req }) => {
  const { status } = parseInput(refundStatusSchema, Object.fromEntries(new URL(req.url).searchParams));
  return { refunds: (await listRefunds({ status, limit: 500 })).map(adminRefundJson) };
});
