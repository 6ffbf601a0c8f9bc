import { apiRoute, body } from "@/lib/auth/api";
import { clockMode } from "@/lib/clock";
import { forbidden } from "@/lib/errors";
import { advanceClock, readClock } from "@/lib/services/test-clock";
import { clockSchema } from "@/lib/validation/clock";

export const GET = apiRoute("admin:clock", async () => readClock());

export const POST = apiRoute("admin:clock", async ({ actor, req }) => {
  if (clockMode() !== "test") throw forbidden("The test clock is disabled in production mode.");
  return advanceClock(actor, await body(req, clockSchema));
});
