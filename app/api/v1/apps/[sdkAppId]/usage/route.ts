import { apiRoute } from "@/lib/auth/api";
import { appUsage } from "@/lib/services/usage";
import { parseInput } from "@/lib/validation/common";
import { usageRangeSchema } from "@/lib/validation/usage";
import { appIdOf, type AppParams } from "../params";

export const GET = apiRoute<"apps:read", AppParams>("apps:read", async ({ actor, req, params }) => {
  const sdkAppId = appIdOf(params);
  const { from, to } = parseInput(usageRangeSchema, Object.fromEntries(new URL(req.url).searchParams));
  return { days: await appUsage(actor, sdkAppId, from, to) };
});
