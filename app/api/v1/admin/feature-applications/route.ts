import { apiRoute } from "@/lib/auth/api";
import { listApplications } from "@/lib/services/features";
import { parseInput } from "@/lib/validation/common";
import { applicationFilterSchema } from "@/lib/validation/features";
import { adminApplicationJson } from "@/lib/wire";

/** The operators' queue of feature applications (R-FEAT-1), oldest first. */
export const GET = apiRoute("admin:features", async ({ req }) => {
  const { status } = parseInput(applicationFilterSchema, Object.fromEntries(new URL(req.url).searchParams));
  const rows = await listApplications({ status });
  return { applications: rows.map(adminApplicationJson) };
});
