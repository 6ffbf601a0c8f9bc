import type { AppStatus } from "@/lib/billing/apps";
import type { TermView } from "@/lib/billing/term";

/** One paid app on the renewals page; days are Shanghai days computed on the server from the one clock. */
export type RenewalRow = {
  sdkAppId: number;
  name: string;
  edition: "pro" | "ultimate";
  status: AppStatus;
  /** the expiry day (到期日): the Shanghai day before E, "YYYY-MM-DD" */
  expiryDay: string;
  /** whole days from today to the expiry day; negative once expired */
  daysLeft: number;
  autoRenew: boolean;
  /** 不续费: the customer marked the app as not to be renewed */
  dontRenew: boolean;
  packs: { pack: string; tier: string | null }[];
  /** what to show for the term: a refunded app shows its refund and service deadline, not an expiry */
  term: TermView;
};

export type VoucherOption = { id: string; amount: string; minTotal: string | null; expiresAt: string };
