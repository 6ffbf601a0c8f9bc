import { useTranslations } from "next-intl";
import { formatCNY, formatDateTime } from "@/lib/format";
import { changes, shape } from "./describe";

/** An audit row's before/after as "field: old → new" lines, money as ¥, instants in Shanghai time. */
export function AuditChange({ before, after }: { before: unknown; after: unknown }) {
  const t = useTranslations("auditLog");
  const list = changes(before, after);
  if (list.length === 0) return <span className="text-muted-foreground">—</span>;
  const label = (key: string) => (t.has(`field.${key}`) ? t(`field.${key}`) : key);
  const value = (key: string, v: unknown) => {
    const s = shape(key, v);
    switch (s.kind) {
      case "money":
        return <span className="tabular-nums">{formatCNY(s.value)}</span>;
      case "instant":
        return <span className="whitespace-nowrap">{formatDateTime(s.value)}</span>;
      case "bool":
        return t(s.value ? "yes" : "no");
      case "none":
        return <span className="text-muted-foreground">—</span>;
      case "text":
        return /^[a-z_]{1,40}$/.test(s.value) && t.has(`value.${s.value}`) ? (
          t(`value.${s.value}`)
        ) : (
          <span className="break-all">{s.value}</span>
        );
    }
  };
  return (
    <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-2 gap-y-0.5 text-xs" data-testid="audit-change">
      {list.map((c) => (
        <div key={c.key} className="contents">
          <dt className="text-muted-foreground">{label(c.key)}</dt>
          <dd>
            {c.kind === "changed" ? (
              <>
                {value(c.key, c.before)} <span aria-hidden>→</span>
                <span className="sr-only">{t("becomes")}</span>{" "}
                {"after" in c ? value(c.key, c.after) : <span className="text-muted-foreground">—</span>}
              </>
            ) : (
              value(c.key, c.after)
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}
