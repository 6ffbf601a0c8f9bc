import { apiRoute, body, created } from "@/lib/auth/api";
import { appsJson, createApp, listApps, oneAppJson } from "@/lib/services/apps";
import { createAppSchema } from "@/lib/validation/apps";

export const GET = apiRoute("apps:read", async ({ actor }) => ({
  apps: await appsJson(await listApps(actor.accountId)),
}));

export const POST = apiRoute("apps:write", async ({ actor, req }) => {
  const input = await body(req, createAppSchema);
  return created(await oneAppJson(await createApp(actor, input)));
});
