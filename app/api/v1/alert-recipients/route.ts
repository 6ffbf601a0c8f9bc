import { apiRoute, body, created } from "@/lib/auth/api";
import { addRecipient, listRecipients } from "@/lib/services/alert-recipients";
import { recipientSchema } from "@/lib/validation/notifications";

export const GET = apiRoute("alerts:manage", async ({ actor }) => ({
  recipients: await listRecipients(actor.accountId),
}));

export const POST = apiRoute("alerts:manage", async ({ actor, req }) =>
  created(await addRecipient(actor, await body(req, recipientSchema))),
);
