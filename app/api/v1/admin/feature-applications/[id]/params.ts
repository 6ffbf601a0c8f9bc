import { notFound } from "@/lib/errors";
import { applicationIdSchema } from "@/lib/validation/features";

export type ApplicationParams = { id: string };

/** A path segment that is not an application id is a 404, like an unknown one. */
export function applicationIdOf(params: ApplicationParams): string {
  const r = applicationIdSchema.safeParse(params.id);
  if (!r.success) throw notFound("Feature application");
  return r.data;
}
