import { ping } from "@/db/client";
import { reply, replyRoute } from "@/lib/http/reply";

export const dynamic = "force-dynamic";

export const GET = replyRoute(async () => {
  try {
    await ping();
    return reply({ ok: true });
  } catch {
    return reply(
      { ok: false, error: { code: "database_unreachable", message: "The database cannot be reached." } },
      { status: 503 },
    );
  }
});
