"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { Copy, KeyRound } from "lucide-react";
import { toast } from "sonner";
import { createApiKeyAction, revokeApiKeyAction } from "@/app/(customer)/settings/actions";
import { formatDateTime } from "@/lib/format";
import { ConfirmButton } from "@/components/confirm-button";
import { Field } from "@/components/field";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { submitWith } from "@/components/submit-with";
import { TableCard } from "@/components/table-card";
import { useServerAction } from "@/components/use-server-action";

type Key = { id: string; name: string; prefix: string; createdAt: string; revokedAt: string | null };

export function ApiKeysCard({ keys }: { keys: Key[] }) {
  const t = useTranslations("settings");
  const tc = useTranslations("common");
  const formRef = useRef<HTMLFormElement>(null);
  const td = useTranslations("apiDocs");
  const [shown, setShown] = useState<string | null>(null);
  const create = useServerAction(createApiKeyAction, {
    errors: "inline",
    onSuccess: (k) => {
      formRef.current?.reset();
      setShown(k.key);
    },
  });
  const revoke = useServerAction(revokeApiKeyAction, { success: t("revoked") });
  const pending = create.pending || revoke.pending;
  const error = create.error ? (create.error.fields?.name ?? create.error.message) : undefined;

  return (
    <TableCard
      title={t("apiKeys")}
      description={
        <>
          {t("apiKeysDescription")}{" "}
          <Link href="/docs/api" className="font-medium text-primary hover:underline">
            {td("fromKeys")}
          </Link>
        </>
      }
      contentClassName="grid gap-6"
      isEmpty={keys.length === 0}
      empty={
        <p className="flex items-center gap-2 text-sm text-muted-foreground">
          <KeyRound className="size-4" />
          {t("noKeys")}
        </p>
      }
      after={
        <>
          <form
            ref={formRef}
            onSubmit={submitWith((form) => create.run({ name: String(form.get("name") ?? "") }))}
            className="flex flex-wrap items-end gap-3"
            noValidate
            aria-label={t("createKey")}
          >
            <div className="min-w-56 flex-1">
              <Field name="name" label={t("keyName")} error={error} placeholder="ci-deploy" />
            </div>
            <Button type="submit" disabled={pending}>
              {t("createKey")}
            </Button>
          </form>
          <Dialog open={shown !== null} onOpenChange={(o) => !o && setShown(null)}>
            <DialogContent>
              <DialogHeader>
                <DialogTitle>{t("keyCreatedTitle")}</DialogTitle>
                <DialogDescription>{t("keyCreatedBody")}</DialogDescription>
              </DialogHeader>
              <code className="break-all rounded-md bg-muted p-3 font-mono text-sm" data-testid="new-api-key">
                {shown}
              </code>
              <DialogFooter>
                <Button
                  variant="outline"
                  onClick={() => {
                    void navigator.clipboard?.writeText(shown ?? "");
                    toast.success(tc("copied"));
                  }}
                >
                  <Copy className="size-4" />
                  {tc("copy")}
                </Button>
                <Button onClick={() => setShown(null)}>{tc("close")}</Button>
              </DialogFooter>
            </DialogContent>
          </Dialog>
        </>
      }
    >
      <Table aria-label={t("apiKeys")}>
        <TableHeader>
          <TableRow>
            <TableHead>{t("keyName")}</TableHead>
            <TableHead>{t("keyPrefix")}</TableHead>
            <TableHead>{t("keyStatus")}</TableHead>
            <TableHead>{t("createdAt")}</TableHead>
            <TableHead />
          </TableRow>
        </TableHeader>
        <TableBody>
          {keys.map((k) => (
            <TableRow key={k.id}>
              <TableCell className="font-medium">{k.name}</TableCell>
              <TableCell className="font-mono text-sm">{k.prefix}…</TableCell>
              <TableCell>
                {k.revokedAt ? (
                  <Badge variant="outline">{t("keyRevoked")}</Badge>
                ) : (
                  <Badge variant="success">{t("keyActive")}</Badge>
                )}
              </TableCell>
              <TableCell className="whitespace-nowrap text-muted-foreground">{formatDateTime(k.createdAt)}</TableCell>
              <TableCell className="text-right">
                {!k.revokedAt && (
                  <ConfirmButton
                    label={t("revoke")}
                    title={t("revokeTitle", { name: k.name })}
                    body={t("revokeBody")}
                    confirmLabel={t("revoke")}
                    onConfirm={() => revoke.run({ id: k.id })}
                    disabled={pending}
                  />
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableCard>
  );
}
