"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Plus } from "lucide-react";
import { createAccountAction } from "@/app/(operator)/admin/accounts/actions";
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
import { useServerAction } from "@/components/use-server-action";

export function CreateAccountDialog() {
  const t = useTranslations("admin");
  const tc = useTranslations("common");
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState<{ id: string; apiKey: string } | null>(null);
  const create = useServerAction(createAccountAction, {
    errors: "fields",
    success: t("accountCreated"),
    onSuccess: (a) => setCreated({ id: a.id, apiKey: a.apiKey }),
    refresh: false,
  });
  const fields = create.fields;

  function submit(form: FormData) {
    const input = {
      name: String(form.get("name") ?? ""),
      ownerEmail: String(form.get("ownerEmail") ?? ""),
      ownerPassword: String(form.get("ownerPassword") ?? ""),
    };
    create.run(input);
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
              <Button type="submit" disabled={create.pending}>
                {create.pending ? tc("loading") : tc("create")}
              </Button>
            </DialogFooter>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
