"use server";

import { cookies } from "next/headers";
import { LOCALE_COOKIE, toLocale } from "@/lib/i18n/config";

/** Remembers the chosen UI language for a year. */
export async function setLocale(value: string): Promise<void> {
  (await cookies()).set(LOCALE_COOKIE, toLocale(value), { path: "/", maxAge: 365 * 86400, sameSite: "lax" });
}
