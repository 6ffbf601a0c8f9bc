import { z } from "zod";
import { ACTIONS, FEATURES } from "@/lib/billing/entitlements";
import { int4 } from "./text";

const count = int4();

/** POST /apps/{sdkAppId}/entitlements/check (API.md). */
export const checkSchema = z
  .object({
    action: z.enum(ACTIONS, { error: `must be one of ${ACTIONS.join(", ")}` }),
    current: z
      .object(
        {
          groups: count.optional(),
          liveGroups: count.optional(),
          userGroups: count.optional(),
          groupMembers: count.optional(),
          users: count.optional(),
          newGroupsToday: count.optional(),
        },
        { error: "must be an object of counts" },
      )
      .default({}),
    feature: z.enum(FEATURES, { error: `must be one of ${FEATURES.join(", ")}` }).optional(),
  })
  .superRefine((b, ctx) => {
    if (b.action === "use_feature" && !b.feature)
      ctx.addIssue({ code: "custom", path: ["feature"], message: "is required for use_feature" });
  });
