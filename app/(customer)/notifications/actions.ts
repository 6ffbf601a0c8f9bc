"use server";

import { z } from "zod";
import { getLocale } from "next-intl/server";
import { runAction } from "@/lib/auth/action";
import { revalidateAccountPages } from "@/lib/revalidate";
import { toLocale } from "@/lib/i18n/config";
import { now } from "@/lib/clock";
import { markAllRead, markRead } from "@/lib/services/inbox";

export async function markReadAction(input: unknown) {
  return runAction("notifications:read", z.object({ id: z.uuid() }), input, async (actor, { id }) => {
    const n = await markRead(actor.accountId, id, await now(), toLocale(await getLocale()));
    revalidateAccountPages();
    return { id: n.id };
  });
}

export async function markAllReadAction(input: unknown) {
  return runAction("notifications:read", z.object({}), input, async (actor) => {
    const count = await markAllRead(actor.accountId, await now());
    revalidateAccountPages();
    return { count };
  });
}
