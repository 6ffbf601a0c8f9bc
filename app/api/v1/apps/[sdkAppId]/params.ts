import { sdkAppIdSchema } from "@/lib/validation/apps";
import { notFound } from "@/lib/errors";

export type AppParams = { sdkAppId: string };

/** A path segment that is not an SDKAppID names no app: 404. */
export function appIdOf(params: AppParams): number {
  const r = sdkAppIdSchema.safeParse(params.sdkAppId);
  if (!r.success) throw notFound(`App ${params.sdkAppId}`);
  return r.data;
}
