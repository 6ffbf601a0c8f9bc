import { z } from "zod";
import { apiRoute, noContent } from "@/lib/auth/api";
import { notFound } from "@/lib/errors";
import { removeRecipient } from "@/lib/services/alert-recipients";

export const DELETE = apiRoute<"alerts:manage", { id: string }>("alerts:manage", async ({ actor, params }) => {
  const id = z.uuid().safeParse(params.id);
  if (!id.success) throw notFound("Alert recipient");
  await removeRecipient(actor, id.data);
  return noContent();
});
