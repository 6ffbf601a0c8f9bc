import { apiRoute, noContent } from "@/lib/auth/api";
import { oneAppJson, deleteApp, getApp } from "@/lib/services/apps";
import { appIdOf, type AppParams } from "./params";

export const GET = apiRoute<"apps:read", AppParams>("apps:read", async ({ actor, params }) =>
  oneAppJson(await getApp(actor.accountId, appIdOf(params))),
);

export const DELETE = apiRoute<"apps:write", AppParams>("apps:write", async ({ actor, params }) => {
  await deleteApp(actor, appIdOf(params));
  return noContent();
});
