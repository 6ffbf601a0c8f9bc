import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("agreement"))("title") };
}

/** The service-level agreement the buyer ticks (R-BUY-6); public, so it can be read before signing in. */
export default async function AgreementPage() {
  const t = await getTranslations("agreement");
  const sections = t.raw("sections") as { title: string; body: string }[];
  return (
    <main className="mx-auto grid max-w-3xl gap-6 p-6">
      <PageHeader title={t("title")} description={t("description")} />
      <p className="text-sm text-muted-foreground">{t("effective")}</p>
      {sections.map((s) => (
        <section key={s.title} className="grid gap-2" aria-labelledby={`sla-${s.title.slice(0, 2)}`}>
          <h2 id={`sla-${s.title.slice(0, 2)}`} className="text-base font-semibold">
            {s.title}
          </h2>
          <p className="text-sm leading-relaxed">{s.body}</p>
        </section>
      ))}
      <p className="text-sm text-muted-foreground">{t("contact")}</p>
    </main>
  );
}
