"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { Plus } from "lucide-react";
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
import { useServerAction } from "@/components/use-server-action";
import type { AppJson } from "@/lib/wire";

type Props = {
  /** the trigger button's text */
  label: string;
  variant?: "outline" | "default";
  /** after the toast: the apps page opens the new app, the purchase page chooses it */
  onCreated: (app: AppJson) => void;
};

/** The one create-app form (R-APP-1): a name in a dialog; the server's reason is shown under the field. */
export function CreateAppForm({ label, variant = "default", onCreated }: Props) {
  const t = useTranslations("apps");
  const tc = useTranslations("common");
  const id = useId();
  const [open, setOpen] = useState(false);
  const create = useServerAction(createAppAction, {
    errors: "inline",
    success: (app) => t("created", { name: app.name, sdkAppId: app.sdkAppId }),
    onSuccess: (app) => {
      setOpen(false);
      onCreated(app);
    },
    refresh: false,
  });
  const error = create.error && (create.error.fields?.name ?? create.error.message);

  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        create.reset();
      }}
    >
      <DialogTrigger asChild>
        <Button type="button" variant={variant}>
          <Plus className="size-4" />
          {label}
        </Button>
      </DialogTrigger>
      <DialogContent closeLabel={tc("close")}>
        <form
          onSubmit={submitWith((form) => create.run({ name: String(form.get("name") ?? "") }))}
          className="grid gap-4"
          noValidate
        >
          <DialogHeader>
            <DialogTitle>{t("createTitle")}</DialogTitle>
            <DialogDescription>{t("createDescription")}</DialogDescription>
          </DialogHeader>
          <div className="grid gap-2">
            <Label htmlFor={`${id}-name`}>{t("name")}</Label>
            <Input
              id={`${id}-name`}
              name="name"
              placeholder={t("namePlaceholder")}
              maxLength={80}
              aria-invalid={error ? true : undefined}
              aria-describedby={`${id}-hint`}
              autoFocus
            />
            <p id={`${id}-hint`} className={error ? "text-sm text-destructive" : "text-xs text-muted-foreground"}>
              {error ?? t("nameHint")}
            </p>
          </div>
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => setOpen(false)}>
              {tc("cancel")}
            </Button>
            <Button type="submit" disabled={create.pending}>
              {create.pending ? tc("loading") : tc("create")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
