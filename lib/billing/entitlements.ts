/**
 * Entitlements (R-PRICE-4, R-PRICE-5): what an app may do now, from its edition, its active packs
 * and its status, answered with the IM backend's own error codes. Pure.
 */
import type { AppStatus, Edition } from "./apps";
import type { Limits, PriceBook } from "./price-book";

export const IM_ERRORS = {
  liveGroupCap: 10036,
  groupsPerUser: 10037,
  membersPerGroup: 10038,
  trialGroups: 10058,
  needsUltimate: 10059,
  trialUsers: 70398,
  trialDau: 72000,
  dailyNewGroups: 10006,
} as const;

export const ACTIONS = [
  "create_group",
  "create_live_group",
  "join_group",
  "add_group_member",
  "register_user",
  "login",
  "use_feature",
] as const;
export type EntitlementAction = (typeof ACTIONS)[number];
export const FEATURES = [
  "broadcast",
  "communities",
  "multi_device",
  "local_search",
  "live_history",
  "security_advanced",
] as const;
export type Feature = (typeof FEATURES)[number];

export type Counts = {
  groups?: number;
  liveGroups?: number;
  userGroups?: number;
  groupMembers?: number;
  users?: number;
  newGroupsToday?: number;
};
export type EntitlementApp = {
  edition: Edition;
  status: AppStatus;
  packs: { pack: string; tier: string | null }[];
  /** R-FEAT-1: features with an enabled, still valid application (lib/billing/features.ts enabledFeatures) */
  enabledFeatures?: { broadcast: boolean; communities: boolean };
};

/** −1 is unlimited, as in the price book. */
export type Entitlements = {
  serviceAvailable: boolean;
  status: AppStatus;
  edition: Edition;
  limits: Limits;
  features: {
    broadcast: boolean;
    communities: boolean;
    multiDevice: boolean;
    localSearch: boolean;
    liveHistory: boolean;
    securityAdvanced: boolean;
  };
};

const SERVICE_STATUSES: AppStatus[] = ["enabled", "grace", "disabling"];
/** An app in service may act; a suspended, reclaimed, stopped or deleted one may not (R-PRICE-5). */
export const inService = (status: AppStatus) => SERVICE_STATUSES.includes(status);
const UNLIMITED = -1;

/** R-PRICE-4: the edition's limits, raised by the app's active packs. */
export function entitlements(book: PriceBook, app: EntitlementApp): Entitlements {
  const edition = book.editions[app.edition];
  const limits: Limits = { ...edition.limits };
  const has = (pack: string) => app.packs.find((p) => p.pack === pack);
  if (app.edition !== "trial") {
    if (has("live_groups_unlimited")) limits.liveGroups = UNLIMITED;
    const members = has("group_members");
    if (members?.tier) limits.membersPerGroup = Number(members.tier);
    const perUser = has("groups_per_user");
    if (perUser?.tier) limits.groupsPerUser = Number(perUser.tier);
    const history = has("history");
    if (history?.tier) limits.historyDays = Math.max(limits.historyDays, Number(history.tier));
  }
  return {
    serviceAvailable: inService(app.status),
    status: app.status,
    edition: app.edition,
    limits,
    features: {
      // R-FEAT-1: true only while an application is enabled (and the edition offers it)
      broadcast: edition.features.broadcast !== "no" && Boolean(app.enabledFeatures?.broadcast),
      communities: edition.features.communities !== "no" && Boolean(app.enabledFeatures?.communities),
      multiDevice: edition.features.multiDevice,
      localSearch: edition.features.localSearch,
      liveHistory: edition.features.liveHistory,
      securityAdvanced: app.edition !== "trial" && Boolean(has("security_advanced")),
    },
  };
}

export type CheckResult = { allowed: true } | { allowed: false; errorCode?: number; limit?: number; reason: string };

const refuse = (errorCode: number, limit: number, reason: string): CheckResult => ({
  allowed: false,
  errorCode,
  limit,
  reason,
});
/** `current` counts are before the action: the action is refused when the count already reached the limit. */
const reached = (count: number | undefined, limit: number) => limit !== UNLIMITED && (count ?? 0) >= limit;

/** R-PRICE-5: may the app do `action` now, given the counts before it? */
export function check(e: Entitlements, action: EntitlementAction, current: Counts, feature?: Feature): CheckResult {
  if (!e.serviceAvailable) return { allowed: false, reason: "service_unavailable" };
  const l = e.limits;
  const trial = e.edition === "trial";
  switch (action) {
    // biome-ignore lint/suspicious/noFallthroughSwitchClause: a live group is a group too
    case "create_live_group":
      if (reached(current.liveGroups, l.liveGroups))
        return refuse(IM_ERRORS.liveGroupCap, l.liveGroups, "live_group_cap");
    case "create_group":
      if (trial && reached(current.groups, l.groups)) return refuse(IM_ERRORS.trialGroups, l.groups, "trial_groups");
      if (reached(current.newGroupsToday, l.dailyNewGroups))
        return refuse(IM_ERRORS.dailyNewGroups, l.dailyNewGroups, "daily_new_groups");
      return { allowed: true };
    case "join_group":
      if (reached(current.userGroups, l.groupsPerUser))
        return refuse(IM_ERRORS.groupsPerUser, l.groupsPerUser, "groups_per_user");
      if (reached(current.groupMembers, l.membersPerGroup))
        return refuse(IM_ERRORS.membersPerGroup, l.membersPerGroup, "members_per_group");
      return { allowed: true };
    case "add_group_member":
      if (reached(current.groupMembers, l.membersPerGroup))
        return refuse(IM_ERRORS.membersPerGroup, l.membersPerGroup, "members_per_group");
      return { allowed: true };
    case "register_user":
      if (trial && reached(current.users, l.users)) return refuse(IM_ERRORS.trialUsers, l.users, "trial_users");
      return { allowed: true };
    case "login":
      // `users` is today's active users before this login: a trial app stops at its free DAU.
      if (trial && reached(current.users, l.freeDau)) return refuse(IM_ERRORS.trialDau, l.freeDau, "trial_dau");
      return { allowed: true };
    case "use_feature":
      return featureCheck(e, feature);
  }
}

function featureCheck(e: Entitlements, feature: Feature | undefined): CheckResult {
  const f = e.features;
  switch (feature) {
    case "multi_device":
    case "local_search":
    case "live_history": {
      const on =
        feature === "multi_device" ? f.multiDevice : feature === "local_search" ? f.localSearch : f.liveHistory;
      return on ? { allowed: true } : { allowed: false, errorCode: IM_ERRORS.needsUltimate, reason: "needs_ultimate" };
    }
    case "broadcast":
    case "communities": {
      if (feature === "broadcast" ? f.broadcast : f.communities) return { allowed: true };
      if (e.edition !== "ultimate")
        return { allowed: false, errorCode: IM_ERRORS.needsUltimate, reason: "needs_ultimate" };
      // R-FEAT-1: an ultimate app needs an approved application, enabled 48 hours after approval.
      return { allowed: false, reason: "not_enabled" };
    }
    case "security_advanced":
      return f.securityAdvanced ? { allowed: true } : { allowed: false, reason: "pack_needed" };
    default:
      return { allowed: false, reason: "unknown_feature" };
  }
}
