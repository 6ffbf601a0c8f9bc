"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useTransition } from "react";
import { hrefWith } from "./params";

/** The list's filters live in the URL: every change is a new history entry (shareable, back button works). */
export function useListParams() {
  const router = useRouter();
  const pathname = usePathname();
  const sp = useSearchParams();
  const current = Object.fromEntries(sp.entries());
  const [pending, start] = useTransition();
  return {
    current,
    pending,
    get: (key: string) => current[key] ?? "",
    set: (changes: Record<string, string | null>) =>
      start(() => router.push(hrefWith(pathname, current, changes), { scroll: false })),
  };
}
