import { apiRoute, body, created } from "@/lib/auth/api";
import { appJson, createApp, listApps } from "@/lib/services/apps";
import { createAppSchema } from "@/lib/validation/apps";

export const GET = apiRoute("apps:read", async ({ actor }) => ({ apps: (await listApps(actor.accountId)).map(appJson) }));

export const POST = apiRoute("apps:write", async ({ actor, req }) => {
  const input = await body(req, createAppSchema);
  return created(appJson(await createApp(actor, input)));
});
