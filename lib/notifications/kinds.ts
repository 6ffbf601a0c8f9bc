/** API.md `notification.kind`; one notification of a kind per account per Shanghai day (R-LIFE-6). */
export const NOTIFICATION_KINDS = [
  "expiry_warning",
  "expired",
  "suspended",
  "reclaimed",
  "auto_renewed",
  "auto_renew_failed",
  "bill_pushed",
  "arrears",
  "balance_alert",
  "refund_reviewed",
  "feature_enabled",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
