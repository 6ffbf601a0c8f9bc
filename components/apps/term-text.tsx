import { useTranslations } from "next-intl";
import type { TermView } from "@/lib/billing/term";
import { formatDateTime } from "@/lib/format";

/**
 * An app's term in one phrase (lib/billing/term.ts): its expiry day, "refunded on …, service until …", or no expiry.
 */
export function TermText({ term, className }: { term: TermView; className?: string }) {
  const t = useTranslations("term");
  const ta = useTranslations("apps");
  if (term.kind === "none") return <span className={className}>{ta("noExpiry")}</span>;
  if (term.kind === "term") return <span className={className}>{term.expiryDay}</span>;
  const args = { day: term.refundedDay, until: formatDateTime(term.serviceUntil) };
  return (
    <span className={className} data-testid="term-refunded">
      {term.serviceEnded ? t("refundedEnded", args) : t("refunded", args)}
    </span>
  );
}
