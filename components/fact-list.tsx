import { cn } from "@/lib/utils";

export type Fact = [label: string, value: React.ReactNode];

/** A page's key facts as a definition list: label above (or beside, on narrow rows) its value. */
export function FactList({
  facts,
  className,
  itemClassName,
}: {
  facts: Fact[];
  className?: string;
  itemClassName?: string;
}) {
  return (
    <dl className={cn("grid gap-x-8 gap-y-3 sm:grid-cols-2", className)}>
      {facts.map(([k, v]) => (
        <div key={k} className={cn("grid gap-0.5", itemClassName)}>
          <dt className="text-sm text-muted-foreground">{k}</dt>
          <dd className="font-medium">{v}</dd>
        </div>
      ))}
    </dl>
  );
}
