import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireCustomer } from "@/lib/auth/session";
import { referenceRows, type ReferenceRow } from "@/lib/wire/reference";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("apiDocs"))("title") };
}

const GROUPS = ["customer", "operator", "docs"] as const;
const groupOf = (r: ReferenceRow) => (r.auth === "account" ? "customer" : r.auth === "operator" ? "operator" : "docs");

/** The API reference (issue 10): every operation of /api/v1 from the same schemas as /api/v1/openapi.json. */
export default async function ApiReferencePage() {
  await requireCustomer();
  const t = await getTranslations("apiDocs");
  const rows = referenceRows();
  return (
    <div className="grid grid-cols-[minmax(0,1fr)] gap-6">
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <a href="/api/v1/openapi.json" className="text-sm font-medium text-primary hover:underline">
            {t("openapi")}
          </a>
        }
      />
      <p className="text-sm text-muted-foreground">{t("conventions")}</p>
      {GROUPS.map((g) => (
        <Card key={g}>
          <CardHeader>
            <CardTitle>
              <h2>{t(g)}</h2>
            </CardTitle>
            <CardDescription>{t(`${g}Hint`)}</CardDescription>
          </CardHeader>
          <CardContent>
            <ul className="grid gap-3 md:hidden" aria-label={t(g)}>
              {rows
                .filter((r) => groupOf(r) === g)
                .map((r) => (
                  <li key={r.id} className="grid gap-2 rounded-md border p-3">
                    <div className="break-all font-mono text-xs">
                      <Badge variant="outline" className="mr-2 font-mono">
                        {r.method}
                      </Badge>
                      {r.path}
                    </div>
                    <p className="text-sm">{t(`ops.${r.id}`)}</p>
                    <div className="break-words font-mono text-xs text-muted-foreground">
                      <RequestFields r={r} t={t} />
                    </div>
                    <div className="break-words font-mono text-xs">
                      <Answer r={r} t={t} />
                    </div>
                  </li>
                ))}
            </ul>
            <div className="hidden md:block">
              <Table aria-label={t(g)}>
                <TableHeader>
                  <TableRow>
                    <TableHead>{t("operation")}</TableHead>
                    <TableHead>{t("summary")}</TableHead>
                    <TableHead>{t("request")}</TableHead>
                    <TableHead>{t("answer")}</TableHead>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {rows
                    .filter((r) => groupOf(r) === g)
                    .map((r) => (
                      <TableRow key={r.id} id={r.id}>
                        <TableCell className="align-top whitespace-nowrap font-mono text-xs">
                          <Badge variant="outline" className="mr-2 font-mono">
                            {r.method}
                          </Badge>
                          {r.path}
                        </TableCell>
                        <TableCell className="align-top text-sm">{t(`ops.${r.id}`)}</TableCell>
                        <TableCell className="align-top font-mono text-xs">
                          <RequestFields r={r} t={t} />
                        </TableCell>
                        <TableCell className="align-top font-mono text-xs">
                          <Answer r={r} t={t} />
                        </TableCell>
                      </TableRow>
                    ))}
                </TableBody>
              </Table>
            </div>
          </CardContent>
        </Card>
      ))}
    </div>
  );
}

type T = Awaited<ReturnType<typeof getTranslations<"apiDocs">>>;

/** What a call sends: query fields, headers and body fields, or "none". */
function RequestFields({ r, t }: { r: ReferenceRow; t: T }) {
  if (r.query.length + r.headers.length + r.body.length === 0) return <>{t("none")}</>;
  return (
    <ul className="grid gap-1">
      {r.query.length > 0 && (
        <li>
          {t("query")}: {r.query.join(", ")}
        </li>
      )}
      {r.headers.map((h) => (
        <li key={h}>
          {t("header")}: {h}
        </li>
      ))}
      {r.body.map((b) => (
        <li key={b}>
          {t("body")}: {b}
        </li>
      ))}
    </ul>
  );
}

/** What a call answers: its statuses and the answer's shape. */
function Answer({ r, t }: { r: ReferenceRow; t: T }) {
  return (
    <>
      <div>{r.status.map((s) => t("status", { status: s })).join(" · ")}</div>
      <div>{r.answer === null ? t("noContent") : r.answer === "text/csv" ? t("csv") : r.answer}</div>
    </>
  );
}
