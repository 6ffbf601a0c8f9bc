"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

/** Unexpected errors: a plain sentence and a retry, never the error's text or stack. */
export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  const t = useTranslations("errors");
  return (
    <main className="flex min-h-[60vh] flex-col items-center justify-center gap-4 p-6 text-center">
      <h1 className="text-lg font-medium">{t("internal")}</h1>
      <Button variant="outline" onClick={reset}>
        ↻
      </Button>
    </main>
  );
}
