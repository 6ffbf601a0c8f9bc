import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { CircleAlert } from "lucide-react";
import { calculate, CALC_EDITIONS } from "@/lib/billing/calculator";
import { currentPriceBook } from "@/lib/billing/price-book";
import { CalculatorForm } from "@/components/calculator/calculator-form";
import { CalculatorHeader } from "@/components/calculator/calculator-header";
import { CalculatorNotes } from "@/components/calculator/calculator-notes";
import { EstimateCard } from "@/components/calculator/estimate-card";
import { VerdictBanner } from "@/components/calculator/verdict-banner";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { CALC_FIELDS, parseCalculatorParams } from "./params";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("calculator"))("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** R-CALC-1: public, no login. The workload comes in as search params and is priced here on the server. */
export default async function CalculatorPage({ searchParams }: Props) {
  const t = await getTranslations("calculator");
  const book = currentPriceBook();
  const parsed = parseCalculatorParams(await searchParams);
  const result = parsed.kind === "ok" ? calculate(book, parsed.input) : null;
  const fields = CALC_FIELDS.map((f) => ({
    ...f,
    value: parsed.values[f.name],
    error: parsed.kind === "invalid" ? parsed.errors[f.name] : undefined,
  }));

  return (
    <div className="min-h-screen bg-muted/40">
      <CalculatorHeader />
      <main className="mx-auto grid w-full max-w-6xl gap-6 p-4 md:p-6">
        <PageHeader
          title={t("title")}
          description={t("description")}
          actions={
            <Badge variant="outline" className="bg-background">
              {t("priceBook", { version: book.version })}
            </Badge>
          }
        />
        <CalculatorForm fields={fields} />
        {result ? (
          <>
            <VerdictBanner verdict={result.verdict} months={result.input.months} />
            <div className="grid items-start gap-4 md:grid-cols-2">
              {CALC_EDITIONS.map((e) => (
                <EstimateCard key={e} book={book} estimate={result.editions[e]} verdict={result.verdict} />
              ))}
            </div>
          </>
        ) : (
          <Alert variant="warning" data-testid="calculator-invalid">
            <CircleAlert />
            <AlertDescription>{t("form.invalid")}</AlertDescription>
          </Alert>
        )}
        <CalculatorNotes book={book} />
      </main>
    </div>
  );
}
