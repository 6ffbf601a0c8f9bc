import { apiRoute } from "@/lib/auth/api";
import { apiLocale } from "@/lib/notifications/locale";
import { listNotifications } from "@/lib/services/inbox";
import { parseInput } from "@/lib/validation/common";
import { inboxQuerySchema } from "@/lib/validation/notifications";

export const GET = apiRoute("notifications:read", async ({ actor, req }) => {
  const q = parseInput(inboxQuerySchema, Object.fromEntries(new URL(req.url).searchParams));
  return {
    notifications: await listNotifications(actor.accountId, apiLocale(req), {
      unread: q.unread === "true",
      kind: q.kind,
    }),
  };
});
