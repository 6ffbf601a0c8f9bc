import { z } from "zod";
import { apiRoute } from "@/lib/auth/api";
import { now } from "@/lib/clock";
import { notFound } from "@/lib/errors";
import { apiLocale } from "@/lib/notifications/locale";
import { markRead } from "@/lib/services/inbox";

export const POST = apiRoute<"notifications:read", { id: string }>(
  "notifications:read",
  async ({ actor, req, params }) => {
    const id = z.uuid().safeParse(params.id);
    if (!id.success) throw notFound("Notification");
    return markRead(actor.accountId, id.data, await now(), apiLocale(req));
  },
);
