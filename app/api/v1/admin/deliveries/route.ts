import { apiRoute } from "@/lib/auth/api";
import { listDeliveries } from "@/lib/services/deliveries";
import { parseInput } from "@/lib/validation/common";
import { deliveryQuerySchema } from "@/lib/validation/notifications";
import { deliveryJson } from "@/lib/wire";

export const GET = apiRoute("admin:jobs", async ({ req }) => {
  const { status } = parseInput(deliveryQuerySchema, Object.fromEntries(new URL(req.url).searchParams));
  return { deliveries: (await listDeliveries({ status })).map(deliveryJson) };
});
