"use server";

import { z } from "zod";
import { runAction } from "@/lib/auth/action";
import { revalidateAccountPages } from "@/lib/revalidate";
import { setAutoRenew, setDontRenew } from "@/lib/services/apps";
import { sdkAppIdSchema } from "@/lib/validation/apps";

export async function setAutoRenewAction(input: unknown) {
  const schema = z.object({ sdkAppId: sdkAppIdSchema, enabled: z.boolean({ error: "must be true or false" }) });
  return runAction("apps:write", schema, input, async (actor, { sdkAppId, enabled }) => {
    const app = await setAutoRenew(actor, sdkAppId, enabled);
    revalidateAccountPages();
    return { sdkAppId: app.sdkAppId, autoRenew: app.autoRenew };
  });
}

/** 不续费 (R-LIFE-2): marking turns auto-renew off; unmarking leaves auto-renew off. */
export async function setDontRenewAction(input: unknown) {
  const schema = z.object({ sdkAppId: sdkAppIdSchema, on: z.boolean({ error: "must be true or false" }) });
  return runAction("apps:write", schema, input, async (actor, { sdkAppId, on }) => {
    const app = await setDontRenew(actor, sdkAppId, on);
    revalidateAccountPages();
    return { sdkAppId: app.sdkAppId, autoRenew: app.autoRenew, dontRenew: app.dontRenew };
  });
}
