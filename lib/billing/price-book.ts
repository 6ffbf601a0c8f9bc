/**
 * The price book of SPEC §4 as versioned data (R-PRICE-3). Amounts are strings (CNY, two decimals)
 * and become Money only where they are used. A new price list is a new entry in PRICE_BOOKS with
 * a new version; order lines record the version they were priced with.
 */
import { money, type Money } from "@/lib/money";

export type PaidEdition = "pro" | "ultimate";
export type PackName =
  | "live_groups_unlimited"
  | "group_members"
  | "groups_per_user"
  | "security_advanced"
  | "history"
  | "barrage_bandwidth";

export const PACK_NAMES: readonly PackName[] = [
  "live_groups_unlimited",
  "group_members",
  "groups_per_user",
  "security_advanced",
  "history",
  "barrage_bandwidth",
];

/** Unlimited is -1 in the limits table. */
export type Limits = {
  users: number;
  friendsPerUser: number;
  groupsPerUser: number;
  membersPerGroup: number;
  groups: number;
  liveGroups: number;
  dailyNewGroups: number;
  historyDays: number;
  freeDau: number;
  freePeakGroups: number;
};

export type EditionEntry = {
  /** Monthly prepaid price; "0.00" for trial. */
  monthly: string;
  limits: Limits;
  features: {
    broadcast: "no" | "on_application";
    multiDevice: boolean;
    localSearch: boolean;
    liveHistory: boolean;
    communities: "no" | "on_application";
    securityAdvancedPurchasable: boolean;
  };
};

/** One purchasable tier of a pack for one edition. `tier` is null for packs without tiers. */
export type PackTier = {
  tier: string | null;
  monthly: string /** the limit the tier sets, when it sets one */;
  value?: number;
};

export type PackEntry = {
  billing: "prepaid" | "postpaid";
  /** Tiers offered per paid edition; an empty list means not offered for that edition. */
  tiers: Record<PaidEdition, PackTier[]>;
};

export type PriceBook = {
  version: string;
  editions: Record<"trial" | PaidEdition, EditionEntry>;
  packs: Record<PackName, PackEntry>;
  overage: { dau: { unit: number; price: string }; peakGroups: { unit: number; price: string } };
  barrage: { domesticPerMbpsDay: string; internationalPerMbpsDay: string };
};

const UNLIMITED = -1;

const V2026_01: PriceBook = {
  version: "2026-01",
  editions: {
    trial: {
      monthly: "0.00",
      limits: {
        users: 100,
        friendsPerUser: 20,
        groupsPerUser: 50,
        membersPerGroup: 20,
        groups: 100,
        liveGroups: 10,
        dailyNewGroups: 100,
        historyDays: 7,
        freeDau: 100,
        freePeakGroups: 100,
      },
      features: {
        broadcast: "no",
        multiDevice: false,
        localSearch: false,
        liveHistory: false,
        communities: "no",
        securityAdvancedPurchasable: false,
      },
    },
    pro: {
      monthly: "999.00",
      limits: {
        users: UNLIMITED,
        friendsPerUser: 3000,
        groupsPerUser: 500,
        membersPerGroup: 200,
        groups: UNLIMITED,
        liveGroups: 50,
        dailyNewGroups: 10000,
        historyDays: 7,
        freeDau: 10000,
        freePeakGroups: 100000,
      },
      features: {
        broadcast: "no",
        multiDevice: false,
        localSearch: false,
        liveHistory: false,
        communities: "no",
        securityAdvancedPurchasable: true,
      },
    },
    ultimate: {
      monthly: "2999.00",
      limits: {
        users: UNLIMITED,
        friendsPerUser: 3000,
        groupsPerUser: 1000,
        membersPerGroup: 2000,
        groups: UNLIMITED,
        liveGroups: UNLIMITED,
        dailyNewGroups: 10000,
        historyDays: 30,
        freeDau: 10000,
        freePeakGroups: 100000,
      },
      features: {
        broadcast: "on_application",
        multiDevice: true,
        localSearch: true,
        liveHistory: true,
        communities: "on_application",
        securityAdvancedPurchasable: true,
      },
    },
  },
  packs: {
    live_groups_unlimited: { billing: "prepaid", tiers: { pro: [{ tier: null, monthly: "1000.00" }], ultimate: [] } },
    group_members: {
      billing: "prepaid",
      tiers: {
        pro: [{ tier: "2000", monthly: "500.00", value: 2000 }],
        ultimate: [{ tier: "6000", monthly: "500.00", value: 6000 }],
      },
    },
    groups_per_user: {
      billing: "prepaid",
      tiers: {
        pro: [{ tier: "1000", monthly: "1100.00", value: 1000 }],
        ultimate: [{ tier: "3000", monthly: "900.00", value: 3000 }],
      },
    },
    security_advanced: {
      billing: "prepaid",
      tiers: { pro: [{ tier: null, monthly: "1000.00" }], ultimate: [{ tier: null, monthly: "1000.00" }] },
    },
    history: {
      billing: "postpaid",
      tiers: {
        pro: [
          { tier: "30", monthly: "500.00", value: 30 },
          { tier: "90", monthly: "1000.00", value: 90 },
          { tier: "180", monthly: "1500.00", value: 180 },
          { tier: "360", monthly: "2500.00", value: 360 },
        ],
        ultimate: [
          { tier: "90", monthly: "500.00", value: 90 },
          { tier: "180", monthly: "1000.00", value: 180 },
          { tier: "360", monthly: "2000.00", value: 360 },
        ],
      },
    },
    barrage_bandwidth: {
      billing: "postpaid",
      tiers: { pro: [{ tier: null, monthly: "0.00" }], ultimate: [{ tier: null, monthly: "0.00" }] },
    },
  },
  overage: { dau: { unit: 10000, price: "1000.00" }, peakGroups: { unit: 100000, price: "1000.00" } },
  barrage: { domesticPerMbpsDay: "2.00", internationalPerMbpsDay: "4.00" },
};

export const PRICE_BOOKS: readonly PriceBook[] = [V2026_01];

/** The price book in force. One version today; the lookup keeps lines pointing at the one they used. */
export function currentPriceBook(): PriceBook {
  return PRICE_BOOKS[PRICE_BOOKS.length - 1]!;
}

export function priceBookByVersion(version: string): PriceBook | undefined {
  return PRICE_BOOKS.find((b) => b.version === version);
}

export function isPaidEdition(e: string): e is PaidEdition {
  return e === "pro" || e === "ultimate";
}

export function isPackName(p: string): p is PackName {
  return (PACK_NAMES as readonly string[]).includes(p);
}

export function editionMonthly(book: PriceBook, edition: PaidEdition): Money {
  return money(book.editions[edition].monthly);
}

export type PackOffer =
  | { kind: "ok"; tier: PackTier; billing: "prepaid" | "postpaid" }
  | { kind: "not_offered"; reason: "edition" | "tier"; tiers: (string | null)[] };

/** The tier of a pack offered to an edition. A pack with one tier accepts the tier omitted. */
export function packOffer(
  book: PriceBook,
  edition: PaidEdition,
  pack: PackName,
  tier: string | null | undefined,
): PackOffer {
  const entry = book.packs[pack];
  const tiers = entry.tiers[edition];
  if (tiers.length === 0) return { kind: "not_offered", reason: "edition", tiers: [] };
  const found = tier == null ? (tiers.length === 1 ? tiers[0] : undefined) : tiers.find((t) => t.tier === tier);
  if (!found) return { kind: "not_offered", reason: "tier", tiers: tiers.map((t) => t.tier) };
  return { kind: "ok", tier: found, billing: entry.billing };
}

/** Every tier name a pack has in any edition (for input validation). */
export function knownTiers(book: PriceBook, pack: PackName): (string | null)[] {
  const all = [...book.packs[pack].tiers.pro, ...book.packs[pack].tiers.ultimate].map((t) => t.tier);
  return [...new Set(all)];
}
