import Form from "next/form";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Calculator, RotateCcw } from "lucide-react";
import { Field } from "@/components/field";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { count } from "./format";

/** Field names are the search-param names and the keys of `calculator.form.fields`. */
export type FormField = {
  name: string;
  min: number;
  max: number;
  value: string;
  error?: { code: "required" | "integer" | "range"; min: number; max: number };
};

type Props = { fields: readonly FormField[] };

/**
 * The workload, submitted as GET search params so an estimate is a shareable URL; the server validates and prices it.
 */
export async function CalculatorForm({ fields }: Props) {
  const t = await getTranslations("calculator.form");
  const message = (e: NonNullable<FormField["error"]>) =>
    t(`errors.${e.code}`, { min: count(e.min), max: count(e.max) });
  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h2 id="calculator-form-title">{t("title")}</h2>
        </CardTitle>
        <CardDescription>{t("description")}</CardDescription>
      </CardHeader>
      {/* keyed by the values so "reset" and back/forward refill the uncontrolled inputs */}
      <Form
        key={fields.map((f) => f.value).join("&")}
        action="/calculator"
        noValidate
        aria-labelledby="calculator-form-title"
        className="grid gap-5"
      >
        <CardContent className="grid items-start gap-x-4 gap-y-5 sm:grid-cols-2 lg:grid-cols-4">
          {fields.map((f) => {
            const error = f.error;
            return (
              <Field
                key={f.name}
                id={`calc-${f.name}`}
                name={f.name}
                label={t(`fields.${f.name}.label`)}
                hint={t(`fields.${f.name}.hint`)}
                error={error ? message(error) : undefined}
                type="number"
                inputMode="numeric"
                min={f.min}
                max={f.max}
                step={1}
                defaultValue={f.value}
                className="tabular-nums"
              />
            );
          })}
        </CardContent>
        <CardFooter className="flex-wrap gap-2 border-t">
          <Button type="submit">
            <Calculator aria-hidden="true" />
            {t("submit")}
          </Button>
          <Button asChild variant="ghost">
            <Link href="/calculator">
              <RotateCcw aria-hidden="true" />
              {t("reset")}
            </Link>
          </Button>
        </CardFooter>
      </Form>
    </Card>
  );
}
