import Link from "next/link";
import { useTranslations } from "next-intl";

/** Beside every "I agree to the SLA" box: the agreement itself, in a new tab so the order stays as it is. */
export function AgreementLink() {
  const t = useTranslations("agreement");
  return (
    <Link
      href="/agreement"
      target="_blank"
      rel="noopener"
      className="shrink-0 text-sm font-medium text-primary underline-offset-4 hover:underline"
      data-testid="agreement-link"
    >
      {t("read")}
    </Link>
  );
}
