import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";

/** One numbered step of the purchase page. */
export function BuySection({
  step,
  title,
  description,
  children,
  id,
}: {
  step: number;
  title: string;
  description?: React.ReactNode;
  children: React.ReactNode;
  id?: string;
}) {
  const headingId = id ?? `buy-step-${step}`;
  return (
    <Card aria-labelledby={headingId} role="region" className="min-w-0 gap-4">
      <CardHeader>
        <CardTitle id={headingId} className="flex items-center gap-2 text-base">
          <span
            aria-hidden="true"
            className={
              "flex size-6 items-center justify-center rounded-full bg-primary/10 text-xs font-semibold text-primary"
            }
          >
            {step}
          </span>
          {title}
        </CardTitle>
        {description && <CardDescription>{description}</CardDescription>}
      </CardHeader>
      <CardContent>{children}</CardContent>
    </Card>
  );
}
