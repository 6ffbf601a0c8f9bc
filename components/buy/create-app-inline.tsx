"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Plus } from "lucide-react";
import { toast } from "sonner";
import { createAppAction } from "@/app/(customer)/apps/actions";
import { submitWith } from "@/components/submit-with";
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
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { AppJson } from "@/lib/wire";

/** Creates a trial app without leaving the purchase page; the new app becomes the chosen one. */
export function CreateAppInline({
  onCreated,
  variant = "outline",
}: {
  onCreated: (app: AppJson) => void;
  variant?: "outline" | "default";
}) {
  const t = useTranslations("apps");
  const tb = useTranslations("buy");
  const tc = useTranslations("common");
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();

  function submit(form: FormData) {
    const name = String(form.get("name") ?? "");
    start(async () => {
      const r = await createAppAction({ name });
      if (!r.ok) return void setError(r.error.fields?.name ?? r.error.message);
      toast.success(t("created", { name: r.data.name, sdkAppId: r.data.sdkAppId }));
      setOpen(false);
      setError(null);
      onCreated(r.data);
    });
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        setError(null);
      }}
    >
      <DialogTrigger asChild>
        <Button type="button" variant={variant}>
          <Plus className="size-4" />
          {tb("app.create")}
        </Button>
      </DialogTrigger>
      <DialogContent closeLabel={tc("close")}>
        <form onSubmit={submitWith(submit)} className="grid gap-4" noValidate>
          <DialogHeader>
            <DialogTitle>{t("createTitle")}</DialogTitle>
            <DialogDescription>{t("createDescription")}</DialogDescription>
          </DialogHeader>
          <div className="grid gap-2">
            <Label htmlFor="buy-app-name">{t("name")}</Label>
            <Input
              id="buy-app-name"
              name="name"
              placeholder={t("namePlaceholder")}
              maxLength={80}
              aria-invalid={error ? true : undefined}
              aria-describedby="buy-app-name-hint"
              autoFocus
            />
            <p id="buy-app-name-hint" className={error ? "text-sm text-destructive" : "text-xs text-muted-foreground"}>
              {error ?? t("nameHint")}
            </p>
          </div>
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => setOpen(false)}>
              {tc("cancel")}
            </Button>
            <Button type="submit" disabled={pending}>
              {pending ? tc("loading") : tc("create")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
