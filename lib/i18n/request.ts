import { getRequestConfig } from "next-intl/server";
import { cookies } from "next/headers";
import { LOCALE_COOKIE, toLocale } from "./config";

/** Messages live in one file per area and locale; each area owns its own top-level namespaces. */
const AREAS = [
  "buying",
  "promo",
  "refunds",
  "calculator",
  "usage",
  "notify",
  "bills",
  "features",
  "lists",
  "money",
  "api-docs",
] as const;

export default getRequestConfig(async () => {
  const locale = toLocale((await cookies()).get(LOCALE_COOKIE)?.value);
  const base = (await import(`./messages/${locale}.json`)).default;
  const areas = await Promise.all(AREAS.map(async (a) => (await import(`./messages/${a}/${locale}.json`)).default));
  return { locale, messages: Object.assign({}, base, ...areas), timeZone: "Asia/Shanghai" };
});
