import { apiRoute, body } from "@/lib/auth/api";
import { setBalanceAlert } from "@/lib/services/balance-alert";
import { balanceAlertSchema } from "@/lib/validation/notifications";

export const PUT = apiRoute("alerts:manage", async ({ actor, req }) => {
  const { threshold } = await body(req, balanceAlertSchema);
  return setBalanceAlert(actor, threshold);
});
