import type { PackName, PaidEdition, PriceBook } from "@/lib/billing/price-book";
import type { AppJson, VoucherJson } from "@/lib/wire";

/** An app the buyer may choose, with whether it has a valid term (decided on the server's clock). */
export type BuyApp = AppJson & { validTerm: boolean };

export type BuyProps = {
  apps: BuyApp[];
  book: PriceBook;
  vouchers: VoucherJson[];
  initialApp: number | null;
  role: "owner" | "member";
};

/** The order body the form builds (without agreeSla, which the buyer ticks). */
export type OrderBody =
  | {
      type: "plan";
      sdkAppId: number;
      edition: PaidEdition;
      months: number;
      packs: { pack: PackName; tier: string | null }[];
      autoRenew: boolean;
      voucherId?: string;
    }
  | { type: "pack"; sdkAppId: number; pack: PackName; tier: string | null; voucherId?: string };
