"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Plus } from "lucide-react";
import { toast } from "sonner";
import { createAccountAction } from "@/app/(operator)/admin/accounts/actions";
import type { FieldErrors } from "@/lib/errors";
import { Field } from "@/components/field";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import { submitWith } from "@/components/submit-with";

export function CreateAccountDialog() {
  const t = useTranslations("admin");
  const tc = useTranslations("common");
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [fields, setFields] = useState<FieldErrors>({});
  const [created, setCreated] = useState<{ id: string; apiKey: string } | null>(null);
  const [pending, start] = useTransition();

  function submit(form: FormData) {
    const input = {
      name: String(form.get("name") ?? ""),
      ownerEmail: String(form.get("ownerEmail") ?? ""),
      ownerPassword: String(form.get("ownerPassword") ?? ""),
    };
    start(async () => {
      const r = await createAccountAction(input);
      if (!r.ok) {
        setFields(r.error.fields ?? {});
        if (!r.error.fields) toast.error(r.error.message);
        return;
      }
      toast.success(t("accountCreated"));
      setFields({});
      setCreated({ id: r.data.id, apiKey: r.data.apiKey });
    });
  }

  function close() {
    setOpen(false);
    if (created) router.push(`/admin/accounts/${created.id}`);
    setCreated(null);
  }

  return (
    <Dialog open={open} onOpenChange={(o) => (o ? setOpen(true) : close())}>
      <DialogTrigger asChild>
        <Button>
          <Plus className="size-4" />
          {t("createAccount")}
        </Button>
      </DialogTrigger>
      <DialogContent>
        {created ? (
          <div className="grid gap-4">
            <DialogHeader>
              <DialogTitle>{t("accountCreated")}</DialogTitle>
              <DialogDescription>{t("accountKeyOnce")}</DialogDescription>
            </DialogHeader>
            <code className="break-all rounded-md bg-muted p-3 font-mono text-sm">{created.apiKey}</code>
            <DialogFooter>
              <Button onClick={close}>{tc("close")}</Button>
            </DialogFooter>
          </div>
        ) : (
          <form onSubmit={submitWith(submit)} className="grid gap-4" noValidate>
            <DialogHeader>
              <DialogTitle>{t("createAccount")}</DialogTitle>
              <DialogDescription>{t("createAccountBody")}</DialogDescription>
            </DialogHeader>
            <Field name="name" label={t("accountName")} error={fields.name} />
            <Field name="ownerEmail" type="email" label={t("ownerEmail")} error={fields.ownerEmail} />
            <Field
              name="ownerPassword"
              type="password"
              label={t("ownerPassword")}
              error={fields.ownerPassword}
              autoComplete="new-password"
            />
            <DialogFooter>
              <Button type="button" variant="outline" onClick={close}>
                {tc("cancel")}
              </Button>
              <Button type="submit" disabled={pending}>
                {pending ? tc("loading") : tc("create")}
              </Button>
            </DialogFooter>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
