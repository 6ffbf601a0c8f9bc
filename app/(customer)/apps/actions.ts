"use server";

import { z } from "zod";
import { runAction } from "@/lib/auth/action";
import { revalidateAccountPages } from "@/lib/revalidate";
import { oneAppJson, createApp, deleteApp, renameApp, startApp, stopApp } from "@/lib/services/apps";
import { createAppSchema, renameAppSchema, sdkAppIdSchema } from "@/lib/validation/apps";

const target = z.object({ sdkAppId: sdkAppIdSchema });

export async function createAppAction(input: unknown) {
  return runAction("apps:write", createAppSchema, input, async (actor, data) => {
    const app = await oneAppJson(await createApp(actor, data));
    revalidateAccountPages();
    return app;
  });
}

export async function stopAppAction(input: unknown) {
  return runAction("apps:write", target, input, async (actor, { sdkAppId }) => {
    const app = await oneAppJson(await stopApp(actor, sdkAppId));
    revalidateAccountPages();
    return app;
  });
}

export async function startAppAction(input: unknown) {
  return runAction("apps:write", target, input, async (actor, { sdkAppId }) => {
    const app = await oneAppJson(await startApp(actor, sdkAppId));
    revalidateAccountPages();
    return app;
  });
}

export async function deleteAppAction(input: unknown) {
  return runAction("apps:write", target, input, async (actor, { sdkAppId }) => {
    await deleteApp(actor, sdkAppId);
    revalidateAccountPages();
    return { sdkAppId };
  });
}

export async function renameAppAction(input: unknown) {
  return runAction("apps:write", target.extend(renameAppSchema.shape), input, async (actor, { sdkAppId, name }) => {
    const app = await oneAppJson(await renameApp(actor, sdkAppId, name));
    revalidateAccountPages();
    return app;
  });
}
