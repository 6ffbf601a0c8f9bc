import { describe, expect, it } from "vitest";
import {
  check,
  entitlements,
  IM_ERRORS,
  type Counts,
  type EntitlementAction,
  type EntitlementApp,
  type Feature,
} from "./entitlements";
import { currentPriceBook } from "./price-book";

const book = currentPriceBook();
const of = (app: Partial<EntitlementApp>) =>
  entitlements(book, { edition: "trial", status: "enabled", packs: [], ...app });

describe("R-PRICE-4 limits from edition and packs", () => {
  it("R-PRICE-4: trial, pro and ultimate limits come from the price book", () => {
    expect(of({}).limits).toMatchObject({
      users: 100,
      groups: 100,
      liveGroups: 10,
      membersPerGroup: 20,
      groupsPerUser: 50,
      freeDau: 100,
    });
    expect(of({ edition: "pro" }).limits).toMatchObject({
      users: -1,
      groups: -1,
      liveGroups: 50,
      membersPerGroup: 200,
      groupsPerUser: 500,
    });
    expect(of({ edition: "ultimate" }).limits).toMatchObject({
      liveGroups: -1,
      membersPerGroup: 2000,
      groupsPerUser: 1000,
      historyDays: 30,
    });
  });

  it("R-PRICE-4: packs raise the limits they sell", () => {
    const pro = of({
      edition: "pro",
      packs: [
        { pack: "live_groups_unlimited", tier: null },
        { pack: "group_members", tier: "2000" },
        { pack: "groups_per_user", tier: "1000" },
        { pack: "history", tier: "90" },
        { pack: "security_advanced", tier: null },
      ],
    });
    expect(pro.limits).toMatchObject({ liveGroups: -1, membersPerGroup: 2000, groupsPerUser: 1000, historyDays: 90 });
    expect(pro.features.securityAdvanced).toBe(true);
  });

  it.each(["suspended", "reclaimed", "stopped"] as const)("R-PRICE-5: a %s app has no service", (status) => {
    expect(of({ edition: "pro", status }).serviceAvailable).toBe(false);
  });
});

describe("R-PRICE-5 checks with the IM backend's codes", () => {
  it.each<
    [
      string,
      Partial<EntitlementApp>,
      EntitlementAction,
      Counts,
      Feature | undefined,
      { allowed: boolean; errorCode?: number; limit?: number },
    ]
  >([
    ["trial's 100th group is allowed", {}, "create_group", { groups: 99 }, undefined, { allowed: true }],
    [
      "trial's 101st group → 10058",
      {},
      "create_group",
      { groups: 100 },
      undefined,
      { allowed: false, errorCode: IM_ERRORS.trialGroups, limit: 100 },
    ],
    ["pro has no group total", { edition: "pro" }, "create_group", { groups: 1_000_000 }, undefined, { allowed: true }],
    [
      "daily net new groups → 10006",
      { edition: "pro" },
      "create_group",
      { newGroupsToday: 10000 },
      undefined,
      { allowed: false, errorCode: IM_ERRORS.dailyNewGroups, limit: 10000 },
    ],
    [
      "trial's 11th live group → 10036",
      {},
      "create_live_group",
      { liveGroups: 10 },
      undefined,
      { allowed: false, errorCode: IM_ERRORS.liveGroupCap, limit: 10 },
    ],
    [
      "pro's 51st live group → 10036",
      { edition: "pro" },
      "create_live_group",
      { liveGroups: 50 },
      undefined,
      { allowed: false, errorCode: IM_ERRORS.liveGroupCap, limit: 50 },
    ],
    [
      "pro with unlimited live groups",
      { edition: "pro", packs: [{ pack: "live_groups_unlimited", tier: null }] },
      "create_live_group",
      { liveGroups: 5000 },
      undefined,
      { allowed: true },
    ],
    [
      "groups a user can join → 10037",
      { edition: "pro" },
      "join_group",
      { userGroups: 500 },
      undefined,
      { allowed: false, errorCode: IM_ERRORS.groupsPerUser, limit: 500 },
    ],
    [
      "joining a full group → 10038",
      { edition: "pro" },
      "join_group",
      { userGroups: 1, groupMembers: 200 },
      undefined,
      { allowed: false, errorCode: IM_ERRORS.membersPerGroup, limit: 200 },
    ],
    [
      "members per group with the 6000 pack",
      { edition: "ultimate", packs: [{ pack: "group_members", tier: "6000" }] },
      "add_group_member",
      { groupMembers: 5999 },
      undefined,
      { allowed: true },
    ],
    [
      "trial's 101st user → 70398",
      {},
      "register_user",
      { users: 100 },
      undefined,
      { allowed: false, errorCode: IM_ERRORS.trialUsers, limit: 100 },
    ],
    [
      "trial's free DAU → 72000",
      {},
      "login",
      { users: 100 },
      undefined,
      { allowed: false, errorCode: IM_ERRORS.trialDau, limit: 100 },
    ],
    [
      "pro logins over the free DAU are overage, not refused",
      { edition: "pro" },
      "login",
      { users: 50000 },
      undefined,
      { allowed: true },
    ],
    [
      "multi-device needs ultimate → 10059",
      { edition: "pro" },
      "use_feature",
      {},
      "multi_device",
      { allowed: false, errorCode: IM_ERRORS.needsUltimate },
    ],
    ["ultimate has local search", { edition: "ultimate" }, "use_feature", {}, "local_search", { allowed: true }],
    [
      "broadcast on pro → 10059",
      { edition: "pro" },
      "use_feature",
      {},
      "broadcast",
      { allowed: false, errorCode: IM_ERRORS.needsUltimate },
    ],
    [
      "R-FEAT-1: broadcast on ultimate without an enabled application",
      { edition: "ultimate" },
      "use_feature",
      {},
      "broadcast",
      { allowed: false },
    ],
    [
      "R-FEAT-1: broadcast on ultimate with it enabled",
      { edition: "ultimate", enabledFeatures: { broadcast: true, communities: false } },
      "use_feature",
      {},
      "broadcast",
      { allowed: true },
    ],
    [
      "R-FEAT-1: communities is its own application",
      { edition: "ultimate", enabledFeatures: { broadcast: true, communities: false } },
      "use_feature",
      {},
      "communities",
      { allowed: false },
    ],
    [
      "a suspended app is refused everything",
      { edition: "ultimate", status: "suspended" },
      "login",
      { users: 0 },
      undefined,
      { allowed: false },
    ],
  ])("R-PRICE-5: %s", (_n, app, action, current, feature, expected) => {
    const r = check(of(app), action, current, feature);
    expect(r).toMatchObject(expected);
  });

  it("R-PRICE-4: existing groups stay; only new creations are checked (counts are before the action)", () => {
    // 150 groups on an app that fell back to trial limits: joining an existing group is not a creation
    expect(check(of({}), "add_group_member", { groups: 150, groupMembers: 5 })).toEqual({ allowed: true });
  });
});
