/**
 * Wrong-way imports that exist today and are being removed (issue 10 §2: client components take their
 * types from lib/wire). `npm run lint` fails on any violation NOT listed here; an entry that no longer
 * occurs is reported so it can be deleted. Do not add to this list: fix the import instead.
 */
export const ALLOWED_VIOLATIONS: readonly string[] = [
  // Response types of client components, moving to lib/wire (issue 10 §2). The lead empties this list.
  "components/buy/app-picker.tsx -> lib/services/apps",
  "components/buy/buy-form.tsx -> lib/services/apps",
  "components/buy/confirm-order.tsx -> lib/services/order-json",
  "components/buy/order-options.tsx -> lib/services/vouchers",
  "components/buy/order-summary.tsx -> lib/services/order-json",
  "components/buy/use-quote.ts -> lib/services/order-json",
  "components/change/change-summary.tsx -> lib/services/order-json",
  "components/change/use-change-quote.tsx -> lib/services/order-json",
  "components/features/feature-queue.tsx -> lib/services/features",
  "components/features/features-card.tsx -> lib/services/features",
  "components/features/labels.ts -> lib/services/features",
  "components/orders/order-lines.tsx -> lib/services/order-json",
  "components/orders/orders-table.tsx -> lib/services/order-json",
  "components/promo/vouchers-table.tsx -> lib/services/vouchers",
  "components/refund-review/review-queue.tsx -> lib/services/refund-json",
  "components/refunds/history-table.tsx -> lib/services/refund-json",
  "components/refunds/preview-table.tsx -> lib/services/refund-json",
  "components/refunds/request-form.tsx -> lib/services/refund-json",
  // Arriving with the server-action work (issue 10 §3): the one create-app form takes AppJson, and the
  // useServerAction hook takes ActionResult from lib/auth/action; both types belong in lib/wire.
  "components/apps/create-app-form.tsx -> lib/services/apps",
  "components/use-server-action.ts -> lib/auth/action",
];
