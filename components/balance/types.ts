/** A ledger row as the balance page shows it; `after` is cash + gift right after the row, summed on the server. */
export type LedgerRowView = {
  id: number;
  at: string;
  kind: string;
  cashDelta: string;
  giftDelta: string;
  after: string;
  refType: string | null;
  refId: string | null;
  /** the order or refund number the row refers to */
  refNo: string | null;
  /** the order was placed by auto-renew (R-BUY-9) */
  autoRenewal?: boolean;
  note: string | null;
};
