/**
 * Every /api/v1 operation: method, path as API.md writes it, who may call it, its request schemas (the same
 * zod schemas the route handlers parse with) and its answer (a schema of lib/wire). openapi.ts turns this list
 * into the OpenAPI document; the console's API reference page (/docs/api) renders it.
 */
import { z } from "zod";
import { accountSearchSchema, createAccountSchema, topUpSchema } from "@/lib/validation/accounts";
import { autoRenewSchema, createAppSchema } from "@/lib/validation/apps";
import { billListSchema } from "@/lib/validation/bills";
import { clockSchema } from "@/lib/validation/clock";
import { checkSchema } from "@/lib/validation/entitlements";
import { orderListQuerySchema } from "@/lib/validation/exports";
import { applicationFilterSchema, applyFeatureSchema, rejectFeatureSchema } from "@/lib/validation/features";
import {
  balanceAlertSchema,
  deliveryQuerySchema,
  inboxQuerySchema,
  recipientSchema,
} from "@/lib/validation/notifications";
import { orderSchema, voucherIssueSchema } from "@/lib/validation/orders";
import { refundSchema, refundStatusSchema, rejectSchema } from "@/lib/validation/refunds";
import { dailySchema, loginsSchema, usageRangeSchema } from "@/lib/validation/usage";
import {
  accountWithAlertJsonSchema,
  accountJsonSchema,
  adminAccountJsonSchema,
  createdAccountJsonSchema,
} from "./accounts";
import { appJsonSchema, appListJsonSchema } from "./apps";
import { billJsonSchema } from "./bills";
import { adminApplicationJsonSchema, applicationJsonSchema } from "./features";
import { deliveryJsonSchema, notificationJsonSchema, recipientJsonSchema } from "./notifications";
import { orderJsonSchema, quoteJsonSchema } from "./orders";
import { voucherJsonSchema } from "./promo";
import { adminRefundJsonSchema, previewJsonSchema, refundJsonSchema } from "./refunds";
import {
  acceptedJsonSchema,
  checkJsonSchema,
  clockAdvancedJsonSchema,
  clockJsonSchema,
  entitlementsJsonSchema,
  usageJsonSchema,
} from "./usage";

export type Method = "GET" | "POST" | "PUT" | "DELETE";
export type Operation = {
  /** key of the operation's summary in the `apiDocs.ops` messages, and its operationId */
  id: string;
  method: Method;
  /** as API.md writes it, below /api/v1 */
  path: string;
  /** account key, operator key, or none (this document itself) */
  auth: "account" | "operator" | "public";
  query?: z.ZodType;
  headers?: Record<string, string>;
  body?: z.ZodType;
  status: 200 | 201 | 202 | 204;
  /** the answer's schema; `text/csv` for a CSV download; null for 204 */
  answer: z.ZodType | "text/csv" | null;
  /** another 2xx answer with the same schema (POST /orders: 202 for a plan change waiting for review) */
  alsoStatus?: 202;
};

const list = (key: string, item: z.ZodType) => z.object({ [key]: z.array(item) });

export const OPERATIONS: Operation[] = [
  // customer (account key)
  {
    id: "getAccount",
    method: "GET",
    path: "/account",
    auth: "account",
    status: 200,
    answer: accountWithAlertJsonSchema,
  },
  {
    id: "setBalanceAlert",
    method: "PUT",
    path: "/account/balance-alert",
    auth: "account",
    body: balanceAlertSchema,
    status: 200,
    answer: accountWithAlertJsonSchema,
  },
  {
    id: "createApp",
    method: "POST",
    path: "/apps",
    auth: "account",
    body: createAppSchema,
    status: 201,
    answer: appJsonSchema,
  },
  { id: "listApps", method: "GET", path: "/apps", auth: "account", status: 200, answer: appListJsonSchema },
  { id: "getApp", method: "GET", path: "/apps/{sdkAppId}", auth: "account", status: 200, answer: appJsonSchema },
  { id: "stopApp", method: "POST", path: "/apps/{sdkAppId}/stop", auth: "account", status: 200, answer: appJsonSchema },
  {
    id: "startApp",
    method: "POST",
    path: "/apps/{sdkAppId}/start",
    auth: "account",
    status: 200,
    answer: appJsonSchema,
  },
  { id: "deleteApp", method: "DELETE", path: "/apps/{sdkAppId}", auth: "account", status: 204, answer: null },
  {
    id: "setAutoRenew",
    method: "PUT",
    path: "/apps/{sdkAppId}/auto-renew",
    auth: "account",
    body: autoRenewSchema,
    status: 200,
    answer: appJsonSchema,
  },
  {
    id: "quote",
    method: "POST",
    path: "/quotes",
    auth: "account",
    body: orderSchema,
    status: 200,
    answer: quoteJsonSchema,
  },
  {
    id: "placeOrder",
    method: "POST",
    path: "/orders",
    auth: "account",
    headers: { "Idempotency-Key": "8 to 200 printable characters; the same key returns the first order" },
    body: orderSchema,
    status: 201,
    alsoStatus: 202,
    answer: orderJsonSchema,
  },
  {
    id: "listOrders",
    method: "GET",
    path: "/orders",
    auth: "account",
    query: orderListQuerySchema,
    status: 200,
    answer: list("orders", orderJsonSchema),
  },
  {
    id: "previewRefund",
    method: "POST",
    path: "/refunds/preview",
    auth: "account",
    body: refundSchema,
    status: 200,
    answer: previewJsonSchema,
  },
  {
    id: "requestRefund",
    method: "POST",
    path: "/refunds",
    auth: "account",
    body: refundSchema,
    status: 201,
    answer: refundJsonSchema,
  },
  {
    id: "listRefunds",
    method: "GET",
    path: "/refunds",
    auth: "account",
    status: 200,
    answer: list("refunds", refundJsonSchema),
  },
  {
    id: "listBills",
    method: "GET",
    path: "/bills",
    auth: "account",
    query: billListSchema,
    status: 200,
    answer: list("bills", billJsonSchema),
  },
  { id: "getBill", method: "GET", path: "/bills/{id}", auth: "account", status: 200, answer: billJsonSchema },
  {
    id: "billLinesCsv",
    method: "GET",
    path: "/bills/{id}/lines.csv",
    auth: "account",
    status: 200,
    answer: "text/csv",
  },
  {
    id: "listNotifications",
    method: "GET",
    path: "/notifications",
    auth: "account",
    query: inboxQuerySchema,
    status: 200,
    answer: list("notifications", notificationJsonSchema),
  },
  {
    id: "markNotificationRead",
    method: "POST",
    path: "/notifications/{id}/read",
    auth: "account",
    status: 200,
    answer: notificationJsonSchema,
  },
  {
    id: "listRecipients",
    method: "GET",
    path: "/alert-recipients",
    auth: "account",
    status: 200,
    answer: list("recipients", recipientJsonSchema),
  },
  {
    id: "addRecipient",
    method: "POST",
    path: "/alert-recipients",
    auth: "account",
    body: recipientSchema,
    status: 201,
    answer: recipientJsonSchema,
  },
  {
    id: "removeRecipient",
    method: "DELETE",
    path: "/alert-recipients/{id}",
    auth: "account",
    status: 204,
    answer: null,
  },
  {
    id: "applyFeature",
    method: "POST",
    path: "/apps/{sdkAppId}/features",
    auth: "account",
    body: applyFeatureSchema,
    status: 201,
    answer: applicationJsonSchema,
  },
  {
    id: "listFeatureApplications",
    method: "GET",
    path: "/apps/{sdkAppId}/features",
    auth: "account",
    status: 200,
    answer: list("applications", applicationJsonSchema),
  },
  {
    id: "appUsage",
    method: "GET",
    path: "/apps/{sdkAppId}/usage",
    auth: "account",
    query: usageRangeSchema,
    status: 200,
    answer: usageJsonSchema,
  },
  {
    id: "entitlements",
    method: "GET",
    path: "/apps/{sdkAppId}/entitlements",
    auth: "account",
    status: 200,
    answer: entitlementsJsonSchema,
  },
  {
    id: "checkEntitlement",
    method: "POST",
    path: "/apps/{sdkAppId}/entitlements/check",
    auth: "account",
    body: checkSchema,
    status: 200,
    answer: checkJsonSchema,
  },
  {
    id: "reportLogins",
    method: "POST",
    path: "/usage/logins",
    auth: "account",
    body: loginsSchema,
    status: 200,
    answer: acceptedJsonSchema,
  },
  {
    id: "reportDaily",
    method: "POST",
    path: "/usage/daily",
    auth: "account",
    body: dailySchema,
    status: 200,
    answer: acceptedJsonSchema,
  },
  // operator (operator key)
  {
    id: "adminListAccounts",
    method: "GET",
    path: "/admin/accounts",
    auth: "operator",
    query: accountSearchSchema,
    status: 200,
    answer: list("accounts", adminAccountJsonSchema),
  },
  {
    id: "adminCreateAccount",
    method: "POST",
    path: "/admin/accounts",
    auth: "operator",
    body: createAccountSchema,
    status: 201,
    answer: createdAccountJsonSchema,
  },
  {
    id: "adminVerify",
    method: "POST",
    path: "/admin/accounts/{id}/verify",
    auth: "operator",
    status: 200,
    answer: accountJsonSchema,
  },
  {
    id: "adminTopUp",
    method: "POST",
    path: "/admin/accounts/{id}/topups",
    auth: "operator",
    body: topUpSchema,
    status: 200,
    answer: accountJsonSchema,
  },
  {
    id: "adminListVouchers",
    method: "GET",
    path: "/admin/vouchers",
    auth: "operator",
    status: 200,
    answer: list("vouchers", voucherJsonSchema),
  },
  {
    id: "adminIssueVoucher",
    method: "POST",
    path: "/admin/vouchers",
    auth: "operator",
    body: voucherIssueSchema,
    status: 201,
    answer: voucherJsonSchema,
  },
  {
    id: "adminListRefunds",
    method: "GET",
    path: "/admin/refunds",
    auth: "operator",
    query: refundStatusSchema,
    status: 200,
    answer: list("refunds", adminRefundJsonSchema),
  },
  {
    id: "adminApproveRefund",
    method: "POST",
    path: "/admin/refunds/{id}/approve",
    auth: "operator",
    status: 200,
    answer: refundJsonSchema,
  },
  {
    id: "adminRejectRefund",
    method: "POST",
    path: "/admin/refunds/{id}/reject",
    auth: "operator",
    body: rejectSchema,
    status: 200,
    answer: refundJsonSchema,
  },
  {
    id: "adminListApplications",
    method: "GET",
    path: "/admin/feature-applications",
    auth: "operator",
    query: applicationFilterSchema,
    status: 200,
    answer: list("applications", adminApplicationJsonSchema),
  },
  {
    id: "adminApproveApplication",
    method: "POST",
    path: "/admin/feature-applications/{id}/approve",
    auth: "operator",
    status: 200,
    answer: adminApplicationJsonSchema,
  },
  {
    id: "adminRejectApplication",
    method: "POST",
    path: "/admin/feature-applications/{id}/reject",
    auth: "operator",
    body: rejectFeatureSchema,
    status: 200,
    answer: adminApplicationJsonSchema,
  },
  {
    id: "adminListDeliveries",
    method: "GET",
    path: "/admin/deliveries",
    auth: "operator",
    query: deliveryQuerySchema,
    status: 200,
    answer: list("deliveries", deliveryJsonSchema),
  },
  { id: "adminReadClock", method: "GET", path: "/admin/clock", auth: "operator", status: 200, answer: clockJsonSchema },
  {
    id: "adminMoveClock",
    method: "POST",
    path: "/admin/clock",
    auth: "operator",
    body: clockSchema,
    status: 200,
    answer: clockAdvancedJsonSchema,
  },
  // this document
  {
    id: "openapi",
    method: "GET",
    path: "/openapi.json",
    auth: "public",
    status: 200,
    answer: z.object({ openapi: z.string() }).loose(),
  },
];
