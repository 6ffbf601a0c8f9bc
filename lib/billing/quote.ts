/**
 * Quotes for every order type (SPEC §5, R-LIFE-1): eligibility, lines, campaigns, voucher.
 * Pure: the price book, the instant and every row it needs are parameters.
 */
import { maxMoney, minMoney, money, roundCents, sumMoney, toMoneyString, ZERO, type Money } from "@/lib/money";
import { buyBlock, hasValidTerm, type AppStatus, type Edition } from "./apps";
import { alignAmount, alignedEnd } from "./align";
import { monthsBetween, termEnd } from "./calendar";
import { editionMonthly, packOffer, type PackName, type PaidEdition, type PriceBook } from "./price-book";
import { bestCampaign, type CampaignRule } from "./campaigns";
import type { RefundComputation } from "./refund";

export type PackChoice = { pack: PackName; tier: string | null };

export type OrderRequest =
  | {
      type: "plan";
      sdkAppId: number;
      edition: PaidEdition;
      months: number;
      packs: PackChoice[];
      autoRenew?: boolean;
      voucherId?: string;
      agreeSla: true;
    }
  | { type: "pack"; sdkAppId: number; pack: PackName; tier: string | null; voucherId?: string; agreeSla: true }
  | { type: "renewal"; sdkAppIds: number[]; months: number; voucherId?: string; agreeSla: true }
  /**
   * R-LIFE-2 common expiry day: extend each app to the next occurrence of `day` (an extension of API.md's order types)
   */
  | { type: "align"; sdkAppIds: number[]; day: number; voucherId?: string; agreeSla: true }
  | { type: "change"; sdkAppId: number; edition: PaidEdition; months: number; packs: PackChoice[]; agreeSla: true };

export type PackState = {
  pack: string;
  tier: string | null;
  billing: "prepaid" | "postpaid";
  startsAt: Date;
  endsAt: Date;
  endedAt: Date | null;
};
export type AppState = {
  id: string;
  sdkAppId: number;
  name: string;
  edition: Edition;
  status: AppStatus;
  expiresAt: Date | null;
  packs: PackState[];
};
export type VoucherState = { id: string; amount: Money; minTotal: Money | null; expiresAt: Date; usedAt: Date | null };

export type QuoteInput = {
  book: PriceBook;
  now: Date;
  account: { verified: boolean; role: "owner" | "member"; hasEarlierOrder: boolean; usedCampaignIds: string[] };
  /** The apps the order names, in the order's order. */
  apps: AppState[];
  campaigns: readonly CampaignRule[];
  voucher: VoucherState | null;
  /** change orders: the standard refund of the app's current plan at `now` */
  changeRefund?: RefundComputation;
};

export type QuoteLine = {
  appId: string;
  sdkAppId: number;
  product: "plan" | PackName;
  edition: PaidEdition;
  tier: string | null;
  billing: "prepaid" | "postpaid";
  kind: "new" | "renewal";
  months: Money;
  periodStart: Date;
  periodEnd: Date;
  unitPrice: Money;
  listAmount: Money;
  discountAmount: Money;
  amount: Money;
  campaign: { id: string; code: string | null; name: string; refundable: boolean } | null;
};

export type Quote = {
  type: OrderRequest["type"];
  lines: QuoteLine[];
  listTotal: Money;
  discountTotal: Money;
  voucherAmount: Money;
  voucherId: string | null;
  /** What the balance pays. */
  total: Money;
  priceBookVersion: string;
  /** change orders (R-BUY-3): the standard refund of the current plan and its packs, made in the same transaction */
  refund: Extract<RefundComputation, { eligible: true }> | null;
};

export type Refusal = {
  kind: "refused";
  code: "not_eligible" | "not_verified" | "invalid_state";
  message: string;
  details?: Record<string, unknown>;
};
export type QuoteResult = { kind: "ok"; quote: Quote } | Refusal;

const refuse = (code: Refusal["code"], message: string, details?: Record<string, unknown>): Refusal => ({
  kind: "refused",
  code,
  message,
  details,
});

export function isPackActive(p: PackState, now: Date): boolean {
  return p.endedAt === null && p.endsAt > now;
}

function purchasable(app: AppState): Refusal | null {
  const block = buyBlock(app.status);
  if (block === "app_stopped")
    return refuse("invalid_state", `App ${app.sdkAppId} is stopped. Start it before buying for it.`, {
      reason: "app_stopped",
      sdkAppId: app.sdkAppId,
      status: app.status,
    });
  if (block === "app_gone")
    return refuse(
      "invalid_state",
      `App ${app.sdkAppId} has been ${app.status} and can no longer be bought for or renewed.`,
      { reason: "app_gone", sdkAppId: app.sdkAppId, status: app.status },
    );
  return null;
}

type LineDraft = Omit<QuoteLine, "discountAmount" | "amount" | "campaign">;

function packLine(
  book: PriceBook,
  app: AppState,
  edition: PaidEdition,
  choice: PackChoice,
  period: { start: Date; end: Date; months: Money },
  kind: "new" | "renewal",
): LineDraft | Refusal {
  const offer = packOffer(book, edition, choice.pack, choice.tier);
  if (offer.kind === "not_offered") {
    return offer.reason === "edition"
      ? refuse(
          "not_eligible",
          `The ${choice.pack} pack is not offered for ${edition} (it is included or unavailable).`,
          { reason: "pack_not_offered", pack: choice.pack, edition },
        )
      : refuse(
          "not_eligible",
          `The ${choice.pack} pack has no tier ${choice.tier ?? "(none)"} for ${edition}; ` +
            `offered: ${offer.tiers.join(", ")}.`,
          { reason: "pack_tier_not_offered", pack: choice.pack, tier: choice.tier, tiers: offer.tiers.join(", ") },
        );
  }
  const unitPrice = money(offer.tier.monthly);
  return {
    appId: app.id,
    sdkAppId: app.sdkAppId,
    product: choice.pack,
    edition,
    tier: offer.tier.tier,
    billing: offer.billing,
    kind,
    months: period.months,
    periodStart: period.start,
    periodEnd: period.end,
    unitPrice,
    // A postpaid pack is opened now and charged on the monthly bill (R-LIFE-3), so it costs nothing up front.
    listAmount: offer.billing === "postpaid" ? ZERO : roundCents(unitPrice.times(period.months)),
  };
}

function planLine(
  book: PriceBook,
  app: AppState,
  edition: PaidEdition,
  period: { start: Date; end: Date; months: Money },
  kind: "new" | "renewal",
): LineDraft {
  const unitPrice = editionMonthly(book, edition);
  return {
    appId: app.id,
    sdkAppId: app.sdkAppId,
    product: "plan",
    edition,
    tier: null,
    billing: "prepaid",
    kind,
    months: period.months,
    periodStart: period.start,
    periodEnd: period.end,
    unitPrice,
    listAmount: roundCents(unitPrice.times(period.months)),
  };
}

function isRefusal(x: unknown): x is Refusal {
  return typeof x === "object" && x !== null && (x as Refusal).kind === "refused";
}

function draftPlan(
  input: QuoteInput,
  req: Pick<Extract<OrderRequest, { type: "plan" }>, "edition" | "months" | "packs">,
  change = false,
): LineDraft[] | Refusal {
  const app = input.apps[0]!;
  const blocked = purchasable(app);
  if (blocked) return blocked;
  if (!change && app.edition !== "trial" && hasValidTerm(app, input.now)) {
    return refuse(
      "not_eligible",
      `App ${app.sdkAppId} already has a ${app.edition} term until ${app.expiresAt!.toISOString()}. ` +
        `Renew it, or change its plan.`,
      { reason: "plan_has_valid_term", sdkAppId: app.sdkAppId, expiresAt: app.expiresAt!.toISOString() },
    );
  }
  const seen = new Set<string>();
  for (const p of req.packs) {
    if (seen.has(p.pack))
      return refuse("not_eligible", `The ${p.pack} pack is named twice; an app has one pack of each type.`, {
        reason: "duplicate_pack",
        pack: p.pack,
      });
    seen.add(p.pack);
  }
  const period = { start: input.now, end: termEnd(input.now, req.months), months: money(req.months) };
  const lines: LineDraft[] = [planLine(input.book, app, req.edition, period, "new")];
  for (const choice of req.packs) {
    const l = packLine(input.book, app, req.edition, choice, period, "new");
    if (isRefusal(l)) return l;
    lines.push(l);
  }
  return lines;
}

function draftPack(input: QuoteInput, req: Extract<OrderRequest, { type: "pack" }>): LineDraft[] | Refusal {
  const app = input.apps[0]!;
  const blocked = purchasable(app);
  if (blocked) return blocked;
  if (app.edition === "trial")
    return refuse(
      "not_eligible",
      `App ${app.sdkAppId} is on the trial edition: feature packs need pro or ultimate. ` +
        `Buy an edition first (packs can be added in the same order).`,
      { reason: "trial_pack_alone", sdkAppId: app.sdkAppId, edition: app.edition },
    );
  if (!hasValidTerm(app, input.now))
    return refuse("not_eligible", `App ${app.sdkAppId} has no valid term. Renew it before adding a pack.`, {
      reason: "no_valid_term",
      sdkAppId: app.sdkAppId,
      status: app.status,
    });
  const current = app.packs.find((p) => p.pack === req.pack && isPackActive(p, input.now));
  if (current)
    return refuse(
      "not_eligible",
      `App ${app.sdkAppId} already has an active ${req.pack} pack; change its tier with a plan change instead.`,
      { reason: "pack_active", sdkAppId: app.sdkAppId, pack: req.pack, tier: current.tier },
    );
  const end = app.expiresAt!;
  const period = { start: input.now, end, months: monthsBetween(input.now, end) };
  const l = packLine(input.book, app, app.edition, { pack: req.pack, tier: req.tier }, period, "new");
  return isRefusal(l) ? l : [l];
}

/** A renewal's lines for one app: the plan and the packs that run with its current term (not refunded). */
function renewalLines(
  book: PriceBook,
  app: AppState,
  edition: PaidEdition,
  period: { start: Date; end: Date; months: Money },
): LineDraft[] | Refusal {
  const lines: LineDraft[] = [planLine(book, app, edition, period, "renewal")];
  for (const p of app.packs) {
    if (p.endedAt !== null || p.endsAt.getTime() !== app.expiresAt?.getTime()) continue;
    const l = packLine(book, app, edition, { pack: p.pack as PackName, tier: p.tier }, period, "renewal");
    if (isRefusal(l)) return l;
    lines.push(l);
  }
  return lines;
}

/** R-LIFE-1: the new term starts at the old E for enabled/grace apps, at now for disabling/suspended ones. */
export function renewalStart(app: AppState, now: Date): Date {
  return (app.status === "enabled" || app.status === "grace") && app.expiresAt ? app.expiresAt : now;
}

function draftRenewal(input: QuoteInput, req: Extract<OrderRequest, { type: "renewal" }>): LineDraft[] | Refusal {
  const lines: LineDraft[] = [];
  for (const app of input.apps) {
    const blocked = purchasable(app);
    if (blocked) return blocked;
    if (app.edition === "trial" || !app.expiresAt)
      return refuse(
        "not_eligible",
        `App ${app.sdkAppId} is on the trial edition and has nothing to renew. Buy an edition for it.`,
        { reason: "trial_renewal", sdkAppId: app.sdkAppId },
      );
    const start = renewalStart(app, input.now);
    const period = { start, end: termEnd(start, req.months), months: money(req.months) };
    const renewed = renewalLines(input.book, app, app.edition, period);
    if (isRefusal(renewed)) return renewed;
    lines.push(...renewed);
  }
  return lines;
}

/**
 * R-LIFE-2 common expiry day: each enabled or grace app (with its co-terminous packs) runs on from
 * its E to the next occurrence of `day`; the part-month costs monthly ÷ 30 × days. Apps already on
 * that day are left out; `months` records the calendar length so refunds measure use the usual way.
 */
function draftAlign(input: QuoteInput, req: Extract<OrderRequest, { type: "align" }>): LineDraft[] | Refusal {
  const lines: LineDraft[] = [];
  for (const app of input.apps) {
    const blocked = purchasable(app);
    if (blocked) return blocked;
    if (app.edition === "trial" || !app.expiresAt)
      return refuse(
        "not_eligible",
        `App ${app.sdkAppId} is on the trial edition and has nothing to renew. Buy an edition for it.`,
        { reason: "trial_renewal", sdkAppId: app.sdkAppId },
      );
    if (app.status !== "enabled" && app.status !== "grace")
      return refuse("not_eligible", `App ${app.sdkAppId} has no running term to align; renew it first.`, {
        reason: "align_needs_term",
        sdkAppId: app.sdkAppId,
      });
    const target = alignedEnd(app.expiresAt, req.day);
    if (!target) continue;
    if (target.end <= input.now)
      return refuse("not_eligible", `App ${app.sdkAppId} expired too long ago to align; renew it first.`, {
        reason: "align_needs_term",
        sdkAppId: app.sdkAppId,
      });
    const period = { start: app.expiresAt, end: target.end, months: monthsBetween(app.expiresAt, target.end) };
    const priced = (l: LineDraft): LineDraft => ({
      ...l,
      listAmount: l.billing === "postpaid" ? ZERO : alignAmount(l.unitPrice, target.days),
    });
    const renewed = renewalLines(input.book, app, app.edition, period);
    if (isRefusal(renewed)) return renewed;
    lines.push(...renewed.map(priced));
  }
  if (lines.length === 0)
    return refuse("not_eligible", `Every selected app already expires on day ${req.day} of the month.`, {
      reason: "already_aligned",
      day: req.day,
    });
  return lines;
}

export function quote(input: QuoteInput, req: OrderRequest): QuoteResult {
  if (!input.account.verified)
    return refuse(
      "not_verified",
      "Purchases need a verified account (实名认证). Ask an operator to verify the account, then try again.",
    );
  let refund: RefundComputation | null = null;
  if (req.type === "change") {
    const app = input.apps[0]!;
    if (!hasValidTerm(app, input.now)) {
      return refuse("not_eligible", `App ${app.sdkAppId} has no valid term to change. Buy a plan for it instead.`, {
        reason: "change_needs_term",
        sdkAppId: app.sdkAppId,
      });
    }
    refund = input.changeRefund ?? null;
    if (!refund) throw new Error("a change quote needs the standard refund of the current plan");
    if (!refund.eligible)
      return refuse(
        "not_eligible",
        `The current plan of app ${app.sdkAppId} cannot be refunded (${refund.reason}), so it cannot be changed here.`,
        { reason: refund.reason, sdkAppId: app.sdkAppId },
      );
  }
  const drafts =
    req.type === "plan"
      ? draftPlan(input, req)
      : req.type === "change"
        ? draftPlan(input, req, true)
        : req.type === "pack"
          ? draftPack(input, req)
          : req.type === "align"
            ? draftAlign(input, req)
            : draftRenewal(input, req);
  if (isRefusal(drafts)) return drafts;

  const usedInOrder = new Set(input.account.usedCampaignIds);
  const lines: QuoteLine[] = drafts.map((d) => {
    const c =
      d.product === "plan" && req.type !== "align"
        ? bestCampaign(input.campaigns, d, { ...input.account, usedCampaignIds: [...usedInOrder] }, input.now)
        : null;
    if (!c) return { ...d, discountAmount: ZERO, amount: d.listAmount, campaign: null };
    usedInOrder.add(c.campaign.id);
    return {
      ...d,
      discountAmount: d.listAmount.minus(c.amount),
      amount: c.amount,
      campaign: { id: c.campaign.id, code: c.campaign.code, name: c.campaign.name, refundable: c.campaign.refundable },
    };
  });
  const listTotal = sumMoney(lines.map((l) => l.listAmount));
  const discountTotal = sumMoney(lines.map((l) => l.discountAmount));
  const subtotal = listTotal.minus(discountTotal);

  let voucherAmount = ZERO;
  if (input.voucher) {
    const v = input.voucher;
    if (v.usedAt)
      return refuse("not_eligible", "This voucher has already been used.", { reason: "voucher_used", voucherId: v.id });
    if (v.expiresAt <= input.now)
      return refuse("not_eligible", "This voucher has expired.", {
        reason: "voucher_expired",
        voucherId: v.id,
        expiresAt: v.expiresAt.toISOString(),
      });
    if (v.minTotal && subtotal.lt(v.minTotal))
      return refuse("not_eligible", `This voucher needs an order of at least ${toMoneyString(v.minTotal)} CNY.`, {
        reason: "voucher_min_total",
        voucherId: v.id,
        minTotal: toMoneyString(v.minTotal),
      });
    voucherAmount = minMoney(v.amount, subtotal);
  }
  return {
    kind: "ok",
    quote: {
      type: req.type,
      lines,
      listTotal,
      discountTotal,
      voucherAmount,
      voucherId: input.voucher?.id ?? null,
      total: subtotal.minus(voucherAmount),
      priceBookVersion: input.book.version,
      refund,
    },
  };
}

export type Payment = { kind: "ok"; gift: Money; cash: Money } | { kind: "insufficient_balance"; shortfall: Money };

/** R-BUY-7: gift first, then cash; a prepaid purchase never makes either negative. */
export function splitPayment(total: Money, balance: { cash: Money; gift: Money }): Payment {
  const gift = maxMoney(ZERO, minMoney(balance.gift, total));
  const cash = total.minus(gift);
  const cashAvailable = maxMoney(ZERO, balance.cash);
  if (cash.gt(cashAvailable)) return { kind: "insufficient_balance", shortfall: cash.minus(cashAvailable) };
  return { kind: "ok", gift, cash };
}
