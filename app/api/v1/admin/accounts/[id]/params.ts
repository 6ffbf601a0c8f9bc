import { z } from "zod";
import { notFound } from "@/lib/errors";

export type AccountParams = { id: string };

export function accountIdOf(params: AccountParams): string {
  const r = z.uuid().safeParse(params.id);
  if (!r.success) throw notFound(`Account ${params.id}`);
  return r.data;
}
