"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { Languages } from "lucide-react";
import { setLocale } from "@/app/locale-actions";
import { LOCALES } from "@/lib/i18n/config";
import { Button } from "@/components/ui/button";

/** Toggles between the two UI languages (zh-CN default, en). */
export function LocaleSwitcher() {
  const locale = useLocale();
  const t = useTranslations("locale");
  const tn = useTranslations("nav");
  const router = useRouter();
  const [pending, start] = useTransition();
  const next = LOCALES.find((l) => l !== locale) ?? LOCALES[0];
  return (
    <Button
      variant="ghost"
      size="sm"
      disabled={pending}
      aria-label={`${tn("language")}: ${t(next)}`}
      onClick={() =>
        start(async () => {
          await setLocale(next);
          router.refresh();
        })
      }
    >
      <Languages className="size-4" />
      {t(next)}
    </Button>
  );
}
