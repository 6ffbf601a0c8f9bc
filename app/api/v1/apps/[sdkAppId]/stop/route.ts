import { apiRoute } from "@/lib/auth/api";
import { oneAppJson, stopApp } from "@/lib/services/apps";
import { appIdOf, type AppParams } from "../params";

export const POST = apiRoute<"apps:write", AppParams>("apps:write", async ({ actor, params }) =>
  oneAppJson(await stopApp(actor, appIdOf(params))),
);
