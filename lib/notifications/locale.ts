import type { Locale } from "@/lib/i18n/config";

/** Notification text on the API is zh-CN (the console's default) unless the request asks for English. */
export function apiLocale(req: { headers: { get(name: string): string | null } }): Locale {
  const al = req.headers.get("accept-language") ?? "";
  return /^\s*en\b/i.test(al) ? "en" : "zh-CN";
}
