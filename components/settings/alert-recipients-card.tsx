"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Plus, UserRoundPlus } from "lucide-react";
import { addRecipientAction, removeRecipientAction } from "@/app/(customer)/settings/alert-actions";
import { NOTIFICATION_KINDS } from "@/lib/notifications/kinds";
import { ConfirmButton } from "@/components/confirm-button";
import { Field } from "@/components/field";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import { Label } from "@/components/ui/label";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { submitWith } from "@/components/submit-with";
import { TableCard } from "@/components/table-card";
import { useServerAction } from "@/components/use-server-action";

export type Recipient = { id: string; name: string; email: string | null; phone: string | null; kinds: string[] };

const DEFAULT_KINDS = ["balance_alert", "arrears", "bill_pushed"];

function AddRecipientDialog() {
  const t = useTranslations("recipients");
  const tk = useTranslations("notificationKind");
  const tc = useTranslations("common");
  const [open, setOpen] = useState(false);
  const [kinds, setKinds] = useState<string[]>(DEFAULT_KINDS);
  const add = useServerAction(addRecipientAction, {
    errors: "fields",
    success: (r) => t("added", { name: r.name }),
    onSuccess: () => setOpen(false),
  });
  const { fields, pending } = add;

  function submit(form: FormData) {
    const input = {
      name: String(form.get("name") ?? ""),
      email: String(form.get("email") ?? ""),
      phone: String(form.get("phone") ?? ""),
      kinds,
    };
    add.run(input);
  }

  const toggle = (k: string, on: boolean) => setKinds((ks) => (on ? [...ks, k] : ks.filter((x) => x !== k)));
  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        add.reset();
        if (o) setKinds(DEFAULT_KINDS);
      }}
    >
      <DialogTrigger asChild>
        <Button>
          <Plus className="size-4" />
          {t("add")}
        </Button>
      </DialogTrigger>
      <DialogContent className="max-h-[90vh] overflow-y-auto">
        <form onSubmit={submitWith(submit)} className="grid gap-4" noValidate>
          <DialogHeader>
            <DialogTitle>{t("addTitle")}</DialogTitle>
            <DialogDescription>{t("addDescription")}</DialogDescription>
          </DialogHeader>
          <Field name="name" label={t("name")} error={fields.name} maxLength={64} required />
          <div className="grid gap-4 sm:grid-cols-2">
            <Field name="email" type="email" label={t("email")} error={fields.email} maxLength={254} />
            <Field name="phone" type="tel" label={t("phone")} error={fields.phone} hint={t("phoneHint")} />
          </div>
          <fieldset className="grid gap-2">
            <legend className="mb-1 flex w-full items-center justify-between text-sm font-medium">
              {t("kinds")}
              <Button type="button" size="sm" variant="ghost" onClick={() => setKinds([...NOTIFICATION_KINDS])}>
                {t("selectAll")}
              </Button>
            </legend>
            <div className="grid gap-2 sm:grid-cols-2">
              {NOTIFICATION_KINDS.map((k) => (
                <div key={k} className="flex items-center gap-2">
                  <Checkbox
                    id={`kind-${k}`}
                    checked={kinds.includes(k)}
                    onCheckedChange={(v) => toggle(k, v === true)}
                  />
                  <Label htmlFor={`kind-${k}`} className="font-normal">
                    {tk(k)}
                  </Label>
                </div>
              ))}
            </div>
            {fields.kinds && <p className="text-sm text-destructive">{fields.kinds}</p>}
          </fieldset>
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => setOpen(false)}>
              {tc("cancel")}
            </Button>
            <Button type="submit" disabled={pending}>
              {pending ? tc("loading") : t("add")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

/** Alert recipients (R-LIFE-6): list, add, remove with confirmation. Owner only. */
export function AlertRecipientsCard({ recipients }: { recipients: Recipient[] }) {
  const t = useTranslations("recipients");
  const tk = useTranslations("notificationKind");
  const removeAction = useServerAction(removeRecipientAction, { success: t("removed") });
  const pending = removeAction.pending;
  const remove = (id: string) => removeAction.run({ id });
  return (
    <TableCard
      id="alert-recipients"
      title={t("title")}
      description={t("description")}
      actions={<AddRecipientDialog />}
      isEmpty={recipients.length === 0}
      empty={{ icon: <UserRoundPlus className="size-8" />, title: t("empty"), description: t("emptyDescription") }}
    >
      <Table aria-label={t("title")}>
        <TableHeader>
          <TableRow>
            <TableHead>{t("name")}</TableHead>
            <TableHead className="hidden sm:table-cell">{t("channels")}</TableHead>
            <TableHead>{t("kinds")}</TableHead>
            <TableHead />
          </TableRow>
        </TableHeader>
        <TableBody>
          {recipients.map((r) => (
            <TableRow key={r.id} data-testid="recipient-row">
              <TableCell>
                <div className="min-w-24 font-medium">{r.name}</div>
                <div className="grid text-xs text-muted-foreground sm:hidden">
                  {r.email && <span className="break-all">{r.email}</span>}
                  {r.phone && <span>{r.phone}</span>}
                </div>
              </TableCell>
              <TableCell className="hidden text-sm sm:table-cell">
                {r.email && <div className="break-all">{r.email}</div>}
                {r.phone && <div>{r.phone}</div>}
              </TableCell>
              <TableCell>
                <div className="flex max-w-md flex-wrap gap-1">
                  {r.kinds.map((k) => (
                    <Badge key={k} variant="secondary">
                      {tk(k)}
                    </Badge>
                  ))}
                </div>
              </TableCell>
              <TableCell className="text-right">
                <ConfirmButton
                  label={t("remove")}
                  title={t("removeTitle", { name: r.name })}
                  body={t("removeBody")}
                  confirmLabel={t("remove")}
                  onConfirm={() => remove(r.id)}
                  disabled={pending}
                />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableCard>
  );
}
