/**
 * The one place a notification becomes words (R-LIFE-6): title and body from kind + data + apps.
 * Used by the inbox, the API and every email/SMS, so they always say the same thing. Pure.
 *
 * `data` keys read (all optional; without them the text still names every app concerned):
 * - expiry_warning / auto_renewed: `apps: {"<sdkAppId>": {expiresAt}}` (the term's end instant)
 * - expired: `apps: {"<sdkAppId>": {suspendAt}}`
 * - suspended: `apps: {"<sdkAppId>": {reason: "expired"|"arrears"|"refunded"}}`
 * - auto_renew_failed: `apps: {"<sdkAppId>": {reason}}` (e.g. "insufficient_balance")
 * - bill_pushed: `month` ("YYYY-MM"), `total`, `deductAt`
 * - arrears: `available`, `suspendAt`
 * - balance_alert: `available`, `threshold`
 * - refund_reviewed: `refunds: {"<refundId>": {sdkAppId, product, status:
 * "executed"|"rejected", total, number?, changeOrder?, reason?}}`
 * - feature_enabled: `features: {"<sdkAppId>:<feature>": {sdkAppId, feature}}`
 * `notify` merges data two levels deep, so per-item maps collect every event of the day.
 */
import type { NotificationKind } from "@/db/schema/notifications";
import type { Locale } from "@/lib/i18n/config";
import { expiryDay } from "@/lib/billing/calendar";
import { formatCNY, formatDateTime } from "@/lib/format";

export type RenderInput = { kind: NotificationKind; data: Record<string, unknown>; sdkAppIds: number[] };
export type RenderOptions = { locale?: Locale; appNames?: Record<string, string> };
export type Rendered = { title: string; body: string };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === "string" && v ? v : null);
const money = (v: unknown) => (str(v) && /^-?\d+(\.\d+)?$/.test(v as string) ? formatCNY(v as string) : null);
const when = (v: unknown) => (str(v) && !Number.isNaN(Date.parse(v as string)) ? formatDateTime(v as string) : null);
const day = (v: unknown) =>
  str(v) && !Number.isNaN(Date.parse(v as string)) ? expiryDay(new Date(v as string)) : null;

const PRODUCT: Record<Locale, Record<string, string>> = {
  "zh-CN": {
    plan: "套餐包",
    live_groups_unlimited: "直播群数量不限",
    group_members: "群成员数扩展",
    groups_per_user: "单用户可加入群数扩展",
    security_advanced: "安全打击高级版",
    history: "延长历史消息存储",
    barrage_bandwidth: "直播群弹幕带宽",
  },
  en: {
    plan: "plan",
    live_groups_unlimited: "unlimited live groups",
    group_members: "group members pack",
    groups_per_user: "groups per user pack",
    security_advanced: "advanced security",
    history: "history pack",
    barrage_bandwidth: "barrage bandwidth",
  },
};
const FEATURE: Record<Locale, Record<string, string>> = {
  "zh-CN": { broadcast: "全员推送", communities: "社群" },
  en: { broadcast: "broadcast to all", communities: "communities" },
};
const REASON: Record<Locale, Record<string, string>> = {
  "zh-CN": { expired: "到期未续费", arrears: "欠费", refunded: "已退费", insufficient_balance: "余额不足" },
  en: {
    expired: "expired without renewal",
    arrears: "arrears",
    refunded: "refunded",
    insufficient_balance: "insufficient balance",
  },
};

function appLabel(id: number | string, o: RenderOptions): string {
  const name = o.appNames?.[String(id)];
  return name ? (o.locale === "en" ? `${name} (${id})` : `${name}（${id}）`) : String(id);
}

/** One line per app: "- 名称（1400000001）：detail". */
function appLines(n: RenderInput, o: RenderOptions, detail: (facts: Obj) => string | null): string {
  const apps = isObj(n.data.apps) ? n.data.apps : {};
  const sep = o.locale === "en" ? ": " : "：";
  return n.sdkAppIds
    .map((id) => {
      const facts = apps[String(id)];
      const d = isObj(facts) ? detail(facts) : null;
      return `- ${appLabel(id, o)}${d ? sep + d : ""}`;
    })
    .join("\n");
}

function zh(n: RenderInput, o: RenderOptions): Rendered {
  const count = n.sdkAppIds.length;
  const d = n.data;
  switch (n.kind) {
    case "expiry_warning":
      return {
        title: `${count} 个应用将在 7 天内到期`,
        body:
          `以下应用即将到期，请及时续费，以免到期后停服：\n` +
          appLines(n, o, (f) => (day(f.expiresAt) ? `到期日 ${day(f.expiresAt)}` : null)),
      };
    case "expired":
      return {
        title: `${count} 个应用已到期`,
        body:
          `以下应用已到期，服务在 7 天宽限期内继续；宽限期结束后将停服，请尽快续费：\n` +
          appLines(n, o, (f) => (when(f.suspendAt) ? `${when(f.suspendAt)} 起停服` : null)),
      };
    case "suspended":
      return {
        title: `${count} 个应用已停服`,
        body:
          `以下应用已停服。续费（欠费停服需先补足欠款）后恢复服务；停服满 90 天将回收资源：\n` +
          appLines(n, o, (f) => (str(f.reason) ? `原因：${REASON["zh-CN"][f.reason as string] ?? f.reason}` : null)),
      };
    case "reclaimed":
      return {
        title: `${count} 个应用的资源已回收`,
        body:
          `以下应用停服已满 90 天，其用量数据和配置已销毁，不能再续费；账单和订单仍可查看：\n` +
          appLines(n, o, () => null),
      };
    case "auto_renewed":
      return {
        title: `${count} 个应用已自动续费`,
        body:
          `以下应用已按自动续费设置续费 1 个月，费用已从余额扣除：\n` +
          appLines(n, o, (f) => (day(f.expiresAt) ? `新到期日 ${day(f.expiresAt)}` : null)),
      };
    case "auto_renew_failed":
      return {
        title: `${count} 个应用自动续费失败`,
        body:
          `以下应用自动续费未成功，宽限期内每天会再试一次。请充值或手动续费：\n` +
          appLines(n, o, (f) => (str(f.reason) ? `原因：${REASON["zh-CN"][f.reason as string] ?? f.reason}` : null)),
      };
    case "bill_pushed": {
      const head = `${str(d.month) ?? "上月"}账单已出${money(d.total) ? `，合计 ${money(d.total)}` : ""}`;
      const due = when(d.deductAt)
        ? `，将于 ${when(d.deductAt)} 从余额扣除（先扣赠送金，再扣现金）`
        : "，将于本月 3 日从余额扣除（先扣赠送金，再扣现金）";
      return { title: head, body: `${head}${due}。${count ? `涉及应用：\n${appLines(n, o, () => null)}` : ""}`.trim() };
    }
    case "arrears": {
      const owe = money(d.available) ? `当前可用余额 ${money(d.available)}` : "当前可用余额小于 0";
      const by = when(d.suspendAt)
        ? `请在 ${when(d.suspendAt)} 前充值补足欠款，否则账号下所有应用将停服。`
        : "请尽快充值补足欠款，否则账号下所有应用将停服。";
      return {
        title: "账号已欠费",
        body: `${owe}。${by}${count ? `\n涉及应用：\n${appLines(n, o, () => null)}` : ""}`,
      };
    }
    case "balance_alert":
      return {
        title: "余额低于预警阈值",
        body:
          `当前可用余额 ${money(d.available) ?? "—"}，低于您设置的预警阈值 ${money(d.threshold) ?? "—"}。请及时充值，以免续费和月结扣费失败。` +
          `余额低于阈值期间每天提醒一次，最多连续 5 天。`,
      };
    case "refund_reviewed": {
      const refunds = isObj(d.refunds) ? Object.values(d.refunds).filter(isObj) : [];
      const lines = refunds.map((r) => {
        const no = `${str(r.number) ? `退费 ${r.number}` : ""}${str(r.changeOrder) ? `（变更套餐订单 ${r.changeOrder}）` : ""}`;
        const what = (
          `${no ? `${no} · ` : ""}${appLabel(String(r.sdkAppId ?? ""), o)} ` +
          `${PRODUCT["zh-CN"][String(r.product)] ?? String(r.product ?? "")}`
        ).trim();
        return r.status === "rejected"
          ? `- ${what}：已拒绝${str(r.reason) ? `，原因：${r.reason}` : ""}`
          : `- ${what}：已通过，退还 ${money(r.total) ?? "—"} 已到账`;
      });
      return {
        title: `退费审核结果（${Math.max(refunds.length, count)} 笔）`,
        body: `您的退费申请已审核：\n${lines.length ? lines.join("\n") : appLines(n, o, () => null)}`,
      };
    }
    case "feature_enabled": {
      const feats = isObj(d.features) ? Object.values(d.features).filter(isObj) : [];
      const lines = feats.map(
        (f) =>
          `- ${appLabel(String(f.sdkAppId ?? ""), o)}：` +
          `${FEATURE["zh-CN"][String(f.feature)] ?? String(f.feature ?? "")}`,
      );
      return {
        title: `${count} 个应用的功能已开通`,
        body: `以下功能申请已生效，现在可以使用：\n${lines.length ? lines.join("\n") : appLines(n, o, () => null)}`,
      };
    }
  }
}

function en(n: RenderInput, o: RenderOptions): Rendered {
  const count = n.sdkAppIds.length;
  const apps = count === 1 ? "1 app" : `${count} apps`;
  const d = n.data;
  switch (n.kind) {
    case "expiry_warning":
      return {
        title: `${apps} expire within 7 days`,
        body:
          `These apps expire soon. Renew them to avoid suspension after expiry:\n` +
          appLines(n, o, (f) => (day(f.expiresAt) ? `expires ${day(f.expiresAt)}` : null)),
      };
    case "expired":
      return {
        title: `${apps} expired`,
        body:
          `These apps have expired. Service continues for a 7-day grace period, then stops. Renew now:\n` +
          appLines(n, o, (f) => (when(f.suspendAt) ? `suspended from ${when(f.suspendAt)}` : null)),
      };
    case "suspended":
      return {
        title: `${apps} suspended`,
        body:
          `These apps are suspended. Renew (for arrears: pay what is owed) to restore service; ` +
          `after 90 days suspended they are reclaimed:\n` +
          appLines(n, o, (f) => (str(f.reason) ? `reason: ${REASON.en[f.reason as string] ?? f.reason}` : null)),
      };
    case "reclaimed":
      return {
        title: `${apps} reclaimed`,
        body:
          `These apps were suspended for 90 days; their usage data and configuration are destroyed ` +
          `and they can no longer be renewed. Bills and orders remain:\n` +
          appLines(n, o, () => null),
      };
    case "auto_renewed":
      return {
        title: `${apps} renewed automatically`,
        body:
          `These apps were renewed for 1 month as their auto-renew setting asks; ` +
          `the charge was paid from the balance:\n` +
          appLines(n, o, (f) => (day(f.expiresAt) ? `new expiry ${day(f.expiresAt)}` : null)),
      };
    case "auto_renew_failed":
      return {
        title: `Auto-renewal failed for ${apps}`,
        body:
          `These apps could not be renewed automatically; it is tried again each day of the grace period. ` +
          `Top up or renew them yourself:\n` +
          appLines(n, o, (f) => (str(f.reason) ? `reason: ${REASON.en[f.reason as string] ?? f.reason}` : null)),
      };
    case "bill_pushed": {
      const head = `Bill for ${str(d.month) ?? "last month"} is ready${money(d.total) ? `: ${money(d.total)}` : ""}`;
      const due = when(d.deductAt)
        ? ` It is deducted from the balance on ${when(d.deductAt)} (gift first, then cash).`
        : " It is deducted from the balance on the 3rd (gift first, then cash).";
      return { title: head, body: `${head}.${due}${count ? `\nApps:\n${appLines(n, o, () => null)}` : ""}` };
    }
    case "arrears": {
      const owe = money(d.available)
        ? `Your available balance is ${money(d.available)}.`
        : "Your available balance is below zero.";
      const by = when(d.suspendAt)
        ? ` Top up before ${when(d.suspendAt)} or every app of the account is suspended.`
        : " Top up soon or every app of the account is suspended.";
      return {
        title: "Your account is in arrears",
        body: `${owe}${by}${count ? `\nApps:\n${appLines(n, o, () => null)}` : ""}`,
      };
    }
    case "balance_alert":
      return {
        title: "Balance below your alert threshold",
        body:
          `Your available balance is ${money(d.available) ?? "—"}, below your alert threshold ` +
          `of ${money(d.threshold) ?? "—"}. Top up so renewals and monthly bills do not fail. ` +
          `While it stays below you are reminded once a day, at most 5 days in a row.`,
      };
    case "refund_reviewed": {
      const refunds = isObj(d.refunds) ? Object.values(d.refunds).filter(isObj) : [];
      const lines = refunds.map((r) => {
        const no =
          `${str(r.number) ? `Refund ${r.number}` : ""}` +
          `${str(r.changeOrder) ? ` (plan change, order ${r.changeOrder})` : ""}`;
        const what = (
          `${no ? `${no} · ` : ""}${appLabel(String(r.sdkAppId ?? ""), o)} ` +
          `${PRODUCT.en[String(r.product)] ?? String(r.product ?? "")}`
        ).trim();
        return r.status === "rejected"
          ? `- ${what}: rejected${str(r.reason) ? ` (reason: ${r.reason})` : ""}`
          : `- ${what}: approved, ${money(r.total) ?? "—"} returned to your balance`;
      });
      const k = Math.max(refunds.length, count);
      return {
        title: `Refund review decided (${k} ${k === 1 ? "refund" : "refunds"})`,
        body: `Your refund requests were reviewed:\n${lines.length ? lines.join("\n") : appLines(n, o, () => null)}`,
      };
    }
    case "feature_enabled": {
      const feats = isObj(d.features) ? Object.values(d.features).filter(isObj) : [];
      const lines = feats.map(
        (f) =>
          `- ${appLabel(String(f.sdkAppId ?? ""), o)}: ${FEATURE.en[String(f.feature)] ?? String(f.feature ?? "")}`,
      );
      return {
        title: `Features enabled for ${apps}`,
        body:
          `These feature applications are now in effect:\n` +
          `${lines.length ? lines.join("\n") : appLines(n, o, () => null)}`,
      };
    }
  }
}

export function renderNotification(n: RenderInput, o: RenderOptions = {}): Rendered {
  return (o.locale ?? "zh-CN") === "en" ? en(n, o) : zh(n, o);
}

/** SMS is short: the title and the apps, no explanation. */
export function renderSms(n: RenderInput, o: RenderOptions = {}): string {
  const r = renderNotification(n, o);
  const ids = n.sdkAppIds.length
    ? `${o.locale === "en" ? " Apps: " : "，应用："}${n.sdkAppIds.join(o.locale === "en" ? ", " : "、")}`
    : "";
  return `【IM 计费】${r.title}${ids}${o.locale === "en" ? ". Details in the console." : "。详情请登录控制台查看。"}`;
}
