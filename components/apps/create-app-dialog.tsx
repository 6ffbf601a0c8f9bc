"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Plus } from "lucide-react";
import { toast } from "sonner";
import { createAppAction } from "@/app/(customer)/apps/actions";
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
import { submitWith } from "@/components/submit-with";

/** Create-app button; at the cap it is disabled and says why and what to do (R-APP-1). */
export function CreateAppDialog({ atCap, cap }: { atCap: boolean; cap: number }) {
  const t = useTranslations("apps");
  const tc = useTranslations("common");
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();

  if (atCap) {
    return (
      <div className="flex flex-col items-end gap-1 text-right">
        <Button disabled>
          <Plus className="size-4" />
          {t("create")}
        </Button>
        <p className="max-w-xs text-xs text-muted-foreground" data-testid="cap-hint">
          {t("capReached", { cap })}. {t("capHint")}
        </p>
      </div>
    );
  }

  function submit(form: FormData) {
    const name = String(form.get("name") ?? "");
    start(async () => {
      const r = await createAppAction({ name });
      if (!r.ok) {
        setError(r.error.fields?.name ?? r.error.message);
        return;
      }
      toast.success(t("created", { name: r.data.name, sdkAppId: r.data.sdkAppId }));
      setOpen(false);
      setError(null);
      router.push(`/apps/${r.data.sdkAppId}`);
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
        <Button>
          <Plus className="size-4" />
          {t("create")}
        </Button>
      </DialogTrigger>
      <DialogContent>
        <form onSubmit={submitWith(submit)} className="grid gap-4" noValidate>
          <DialogHeader>
            <DialogTitle>{t("createTitle")}</DialogTitle>
            <DialogDescription>{t("createDescription")}</DialogDescription>
          </DialogHeader>
          <div className="grid gap-2">
            <Label htmlFor="app-name">{t("name")}</Label>
            <Input
              id="app-name"
              name="name"
              placeholder={t("namePlaceholder")}
              maxLength={80}
              aria-invalid={error ? true : undefined}
              aria-describedby="app-name-hint"
              autoFocus
            />
            <p id="app-name-hint" className={error ? "text-sm text-destructive" : "text-xs text-muted-foreground"}>
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
