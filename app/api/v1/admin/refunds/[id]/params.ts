import { z } from "zod";
import { notFound } from "@/lib/errors";

export type RefundParams = { id: string };

/** A path segment that is not a refund id is a 404, like an unknown one. */
export function refundIdOf(params: RefundParams): string {
  const r = z.uuid().safeParse(params.id);
  if (!r.success) throw notFound("Refund");
  return r.data;
}
