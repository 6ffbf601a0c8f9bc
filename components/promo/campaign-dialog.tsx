"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { createCampaignAction, updateCampaignAction } from "@/app/(operator)/admin/campaigns/actions";
import type { FieldErrors } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";
import { Field } from "@/components/field";
import { submitWith } from "@/components/submit-with";
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
import { useServerAction } from "@/components/use-server-action";
import { rateParts } from "./rate";
import { useFieldReasons, withoutField } from "./reasons";
import type { CampaignView } from "./types";

const FLAGS = ["firstPurchaseOnly", "oncePerAccount", "refundable"] as const;
type Flags = { pro: boolean; ultimate: boolean; appliesNew: boolean; appliesRenewal: boolean } & Record<
  (typeof FLAGS)[number],
  boolean
>;

/** "2026-11-28T16:05" for a datetime-local input, in Shanghai time. */
const localValue = (iso: string | null | undefined) => (iso ? formatDateTime(iso).replace(" ", "T") : "");

function CheckField({ label, checked, onChange }: { label: string; checked: boolean; onChange: (v: boolean) => void }) {
  const id = useId();
  return (
    <div className="flex items-center gap-2">
      <Checkbox id={id} checked={checked} onCheckedChange={(c) => onChange(c === true)} />
      <Label htmlFor={id} className="font-normal">
        {label}
      </Label>
    </div>
  );
}

type Props = { campaign?: CampaignView; defaultStart: string; trigger: React.ReactNode };

/** Create or edit a campaign (R-PROMO-1); the server validates with lib/validation/campaigns.ts. */
export function CampaignDialog({ campaign, defaultStart, trigger }: Props) {
  const t = useTranslations("campaigns");
  const tc = useTranslations("common");
  const te = useTranslations("edition");
  const reasons = useFieldReasons();
  const initial = (): Flags => ({
    pro: campaign ? campaign.editions.includes("pro") : true,
    ultimate: campaign ? campaign.editions.includes("ultimate") : true,
    appliesNew: campaign?.appliesNew ?? true,
    appliesRenewal: campaign?.appliesRenewal ?? true,
    firstPurchaseOnly: campaign?.firstPurchaseOnly ?? false,
    oncePerAccount: campaign?.oncePerAccount ?? false,
    refundable: campaign?.refundable ?? true,
  });
  const [open, setOpen] = useState(false);
  const [flags, setFlags] = useState<Flags>(initial);
  const [rate, setRate] = useState(campaign?.rate ?? "");
  const [fields, setFields] = useState<FieldErrors>({});
  const save = useServerAction(
    (input: object) => (campaign ? updateCampaignAction({ id: campaign.id, ...input }) : createCampaignAction(input)),
    {
      errors: "fields",
      onError: (e) => setFields(reasons(e.fields)),
      success: (r) => (campaign ? t("updated", { name: r.name }) : t("created", { name: r.name })),
      onSuccess: () => setOpen(false),
    },
  );
  const pending = save.pending;
  const set = (k: keyof Flags) => (v: boolean) => {
    setFlags((f) => ({ ...f, [k]: v }));
    setFields(withoutField(k === "pro" || k === "ultimate" ? "editions" : k === "appliesRenewal" ? "appliesNew" : k));
  };
  const parts = rateParts(rate);

  function submit(form: FormData) {
    const input = {
      name: String(form.get("name") ?? ""),
      editions: (["pro", "ultimate"] as const).filter((e) => flags[e]),
      minMonths: String(form.get("minMonths") ?? ""),
      maxMonths: String(form.get("maxMonths") ?? ""),
      appliesNew: flags.appliesNew,
      appliesRenewal: flags.appliesRenewal,
      rate,
      firstPurchaseOnly: flags.firstPurchaseOnly,
      oncePerAccount: flags.oncePerAccount,
      refundable: flags.refundable,
      startsAt: String(form.get("startsAt") ?? ""),
      endsAt: String(form.get("endsAt") ?? "") || null,
    };
    save.run(input);
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (o) {
          setFlags(initial());
          setRate(campaign?.rate ?? "");
          setFields({});
        }
      }}
    >
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent className="sm:max-w-2xl" closeLabel={tc("close")}>
        <form
          onSubmit={submitWith(submit)}
          onChange={(e) => setFields(withoutField(e.target))}
          className="grid gap-4"
          noValidate
          aria-label={campaign ? t("editTitle") : t("createTitle")}
        >
          <DialogHeader>
            <DialogTitle>{campaign ? t("editTitle") : t("createTitle")}</DialogTitle>
            <DialogDescription>{t("formDescription")}</DialogDescription>
          </DialogHeader>
          <Field name="name" label={t("name")} defaultValue={campaign?.name} maxLength={80} error={fields.name} />
          <div className="grid items-start gap-4 sm:grid-cols-2">
            <fieldset className="grid gap-2" aria-describedby="campaign-editions-msg">
              <legend className="mb-1 text-sm font-medium">{t("editions")}</legend>
              <div className="flex gap-4">
                <CheckField label={te("pro")} checked={flags.pro} onChange={set("pro")} />
                <CheckField label={te("ultimate")} checked={flags.ultimate} onChange={set("ultimate")} />
              </div>
              {fields.editions && (
                <p id="campaign-editions-msg" className="text-sm text-destructive">
                  {fields.editions}
                </p>
              )}
            </fieldset>
            <fieldset className="grid gap-2" aria-describedby="campaign-applies-msg">
              <legend className="mb-1 text-sm font-medium">{t("appliesTo")}</legend>
              <div className="flex gap-4">
                <CheckField label={t("new")} checked={flags.appliesNew} onChange={set("appliesNew")} />
                <CheckField label={t("renewal")} checked={flags.appliesRenewal} onChange={set("appliesRenewal")} />
              </div>
              {fields.appliesNew && (
                <p id="campaign-applies-msg" className="text-sm text-destructive">
                  {fields.appliesNew}
                </p>
              )}
            </fieldset>
          </div>
          <div className="grid items-start gap-4 sm:grid-cols-3">
            <Field
              name="minMonths"
              label={t("minMonths")}
              inputMode="numeric"
              defaultValue={campaign?.minMonths ?? 1}
              error={fields.minMonths}
            />
            <Field
              name="maxMonths"
              label={t("maxMonths")}
              inputMode="numeric"
              defaultValue={campaign?.maxMonths ?? 24}
              error={fields.maxMonths}
            />
            <Field
              name="rate"
              label={t("rate")}
              inputMode="decimal"
              placeholder="0.75"
              value={rate}
              onChange={(e) => setRate(e.target.value)}
              error={fields.rate}
              hint={parts ? t("rateHint", parts) : t("rateHelp")}
            />
          </div>
          <fieldset className="grid gap-2">
            <legend className="mb-1 text-sm font-medium">{t("conditions")}</legend>
            <div className="flex flex-wrap gap-x-6 gap-y-2">
              {FLAGS.map((f) => (
                <CheckField key={f} label={t(`flag.${f}`)} checked={flags[f]} onChange={set(f)} />
              ))}
            </div>
          </fieldset>
          <div className="grid items-start gap-4 sm:grid-cols-2">
            <Field
              name="startsAt"
              type="datetime-local"
              label={t("startsAt")}
              defaultValue={campaign ? localValue(campaign.startsAt) : defaultStart}
              error={fields.startsAt}
            />
            <Field
              name="endsAt"
              type="datetime-local"
              label={t("endsAt")}
              defaultValue={localValue(campaign?.endsAt)}
              error={fields.endsAt}
              hint={t("endsAtHint")}
            />
          </div>
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => setOpen(false)}>
              {tc("cancel")}
            </Button>
            <Button type="submit" disabled={pending}>
              {pending ? tc("loading") : campaign ? tc("save") : tc("create")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
