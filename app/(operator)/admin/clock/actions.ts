"use server";

import { runAction } from "@/lib/auth/action";
import { revalidateAccountPages } from "@/lib/revalidate";
import { advanceClock } from "@/lib/services/test-clock";
import { clockSchema } from "@/lib/validation/clock";

export async function advanceClockAction(input: unknown) {
  return runAction("admin:clock", clockSchema, input, async (actor, data) => {
    const r = await advanceClock(actor, data);
    revalidateAccountPages();
    return r;
  });
}
