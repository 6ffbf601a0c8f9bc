import { z } from "zod";
import { isoInstant } from "./text";

/** R-TIME-3: an operator moves the test clock by seconds or to an instant. */
export const clockSchema = z.union(
  [
    z
      .object({
        advanceSeconds: z
          .number({ error: "must be a whole number of seconds" })
          .int("must be a whole number")
          .positive("must be greater than 0")
          .max(10 * 366 * 86400, "must be at most 10 years"),
      })
      .strict(),
    z.object({ to: isoInstant }).strict(),
  ],
  { error: "give advanceSeconds or to" },
);
