import { beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { alertRecipients, balanceAlerts, deliveries, notifications } from "@/db/schema";
import { GET as listRoute } from "@/app/api/v1/notifications/route";
import { POST as readRoute } from "@/app/api/v1/notifications/[id]/read/route";
import { GET as recipientsRoute, POST as addRecipientRoute } from "@/app/api/v1/alert-recipients/route";
import { DELETE as removeRecipientRoute } from "@/app/api/v1/alert-recipients/[id]/route";
import { PUT as balanceAlertRoute } from "@/app/api/v1/account/balance-alert/route";
import { GET as accountRoute } from "@/app/api/v1/account/route";
import { GET as adminDeliveriesRoute } from "@/app/api/v1/admin/deliveries/route";
import { POST as refundRoute } from "@/app/api/v1/refunds/route";
import { POST as approveRoute } from "@/app/api/v1/admin/refunds/[id]/approve/route";
import { POST as rejectRoute } from "@/app/api/v1/admin/refunds/[id]/reject/route";
import { notify } from "@/lib/services/notifications";
import { markAllRead, unreadCount } from "@/lib/services/inbox";
import { createApp } from "@/lib/services/apps";
import { placeOrder } from "@/lib/services/purchase";
import { call, createCustomer, createOperator, SLOW, type TestCustomer, type TestOperator } from "../helpers";

let op: TestOperator;
beforeAll(async () => {
  op = await createOperator();
});

const at = (iso: string) => new Date(iso);
const rowsOf = (accountId: string) =>
  db().select().from(notifications).where(eq(notifications.accountId, accountId)).orderBy(notifications.createdAt);
const deliveriesOf = (accountId: string) =>
  db().select().from(deliveries).where(eq(deliveries.accountId, accountId)).orderBy(deliveries.channel, deliveries.to);
const send = (
  c: TestCustomer,
  kind: "expiry_warning" | "suspended" | "bill_pushed",
  when: string,
  sdkAppIds: number[],
  data: Record<string, unknown> = {},
) => db().transaction((tx) => notify(tx, { accountId: c.accountId, kind, at: at(when), sdkAppIds, data }));

describe("R-LIFE-6 notify: one per kind, account and Shanghai day; outbox", () => {
  it("R-LIFE-6: same kind, same Shanghai day: apps merge; 00:00 Shanghai starts a new one; kinds apart", async () => {
    const c = await createCustomer(op);
    const a = await send(c, "expiry_warning", "2031-01-09T16:00:00Z", [1400000002], {
      apps: { "1400000002": { expiresAt: "2031-01-15T16:00:00Z" } },
    });
    const b = await send(c, "expiry_warning", "2031-01-10T15:59:59Z", [1400000001, 1400000002], {
      apps: { "1400000001": { expiresAt: "2031-01-16T16:00:00Z" } },
    });
    expect([a.created, b.created, b.id]).toEqual([true, false, a.id]);
    const next = await send(c, "expiry_warning", "2031-01-10T16:00:00Z", [1400000003]);
    const other = await send(c, "suspended", "2031-01-10T15:00:00Z", [1400000004]);
    expect([next.created, other.created]).toEqual([true, true]);
    const rows = await rowsOf(c.accountId);
    const first = rows.find((r) => r.id === a.id)!;
    expect(first.day).toBe("2031-01-10");
    expect(first.sdkAppIds).toEqual([1400000001, 1400000002]);
    // per-app facts of both events are kept (data merges two levels deep)
    expect(Object.keys(first.data.apps as object).sort()).toEqual(["1400000001", "1400000002"]);
    expect(rows).toHaveLength(3);
  });

  it(
    "R-LIFE-6: the owner always gets email; recipients get the kinds they chose, by email and/or SMS",
    async () => {
      const c = await createCustomer(op);
      await call(addRecipientRoute, {
        key: c.apiKey,
        body: {
          name: "财务",
          email: "Finance@Example.com",
          phone: "13800138000",
          kinds: ["bill_pushed", "balance_alert"],
        },
      });
      await call(addRecipientRoute, {
        key: c.apiKey,
        body: { name: "运维", phone: "+8613900139000", kinds: ["suspended"] },
      });
      await call(addRecipientRoute, {
        key: c.apiKey,
        body: { name: "Owner again", email: c.email, kinds: ["bill_pushed"] },
      });
      const bill = await send(c, "bill_pushed", "2031-02-01T00:00:00+08:00", [1400000001], {
        month: "2031-01",
        total: "12.00",
      });
      const susp = await send(c, "suspended", "2031-02-01T00:00:00+08:00", [1400000001]);
      const exp = await send(c, "expiry_warning", "2031-02-01T00:00:00+08:00", [1400000001]);
      const to = async (id: string) =>
        (await db().select().from(deliveries).where(eq(deliveries.notificationId, id)))
          .map((d) => `${d.channel}:${d.to}`)
          .sort();
      expect(await to(bill.id)).toEqual([`email:${c.email}`, "email:finance@example.com", "sms:13800138000"].sort());
      expect(await to(susp.id)).toEqual([`email:${c.email}`, "sms:+8613900139000"].sort());
      expect(await to(exp.id)).toEqual([`email:${c.email}`]);
      expect((await deliveriesOf(c.accountId)).every((d) => d.status === "pending" && d.attempts === 0)).toBe(true);
    },
    SLOW,
  );

  it(
    "R-LIFE-6: apps added later the same day: a waiting message includes them, a " +
      "sent one gets one more message; a read notification is unread again",
    async () => {
      const c = await createCustomer(op);
      const n = await send(c, "suspended", "2031-03-01T01:00:00+08:00", [1400000001]);
      await send(c, "suspended", "2031-03-01T02:00:00+08:00", [1400000002]);
      expect(await deliveriesOf(c.accountId)).toHaveLength(1);
      await db()
        .update(deliveries)
        .set({ status: "sent", sentAt: new Date() })
        .where(eq(deliveries.notificationId, n.id));
      await db()
        .update(notifications)
        .set({ readAt: at("2031-03-01T03:00:00+08:00") })
        .where(eq(notifications.id, n.id));
      await send(c, "suspended", "2031-03-01T04:00:00+08:00", [1400000002]); // nothing new
      expect(await deliveriesOf(c.accountId)).toHaveLength(1);
      await send(c, "suspended", "2031-03-01T05:00:00+08:00", [1400000003]);
      const ds = await deliveriesOf(c.accountId);
      expect(ds.map((d) => d.status).sort()).toEqual(["pending", "sent"]);
      const [row] = await db().select().from(notifications).where(eq(notifications.id, n.id));
      expect([row!.readAt, row!.sdkAppIds]).toEqual([null, [1400000001, 1400000002, 1400000003]]);
    },
  );
});

describe("R-LIFE-6 inbox API", () => {
  it(
    "R-LIFE-6: newest first, unread filter, kind filter, mark read; zh-CN text unless English is asked",
    async () => {
      const c = await createCustomer(op);
      const older = await send(c, "bill_pushed", "2031-04-01T00:00:00+08:00", [1400000007], {
        month: "2031-03",
        total: "30.50",
      });
      const newer = await send(c, "suspended", "2031-04-02T00:00:00+08:00", [1400000007]);
      const list = await call(listRoute, { key: c.apiKey, path: "/api/v1/notifications" });
      expect(list.status).toBe(200);
      expect(list.json.notifications.map((n: { id: string }) => n.id)).toEqual([newer.id, older.id]);
      expect(list.json.notifications[1]).toEqual({
        id: older.id,
        kind: "bill_pushed",
        createdAt: "2031-03-31T16:00:00.000Z",
        readAt: null,
        sdkAppIds: [1400000007],
        title: "2031-03账单已出，合计 ¥30.50",
        body: expect.stringContaining("1400000007"),
      });
      const en = await call(listRoute, {
        key: c.apiKey,
        path: "/api/v1/notifications?kind=bill_pushed",
        headers: { "accept-language": "en-US,en;q=0.9" },
      });
      expect(en.json.notifications.map((n: { title: string }) => n.title)).toEqual([
        "Bill for 2031-03 is ready: ¥30.50",
      ]);

      const read = await call(readRoute, { key: c.apiKey, method: "POST", params: { id: older.id } });
      expect(read.status).toBe(200);
      expect(read.json.readAt).toEqual(expect.any(String));
      const again = await call(readRoute, { key: c.apiKey, method: "POST", params: { id: older.id } });
      expect(again.json.readAt).toBe(read.json.readAt);
      const unread = await call(listRoute, { key: c.apiKey, path: "/api/v1/notifications?unread=true" });
      expect(unread.json.notifications.map((n: { id: string }) => n.id)).toEqual([newer.id]);
    },
    SLOW,
  );

  it(
    "R-LIFE-6: mark all read marks only this account's unread ones and the unread count drops to 0",
    async () => {
      const c = await createCustomer(op);
      const other = await createCustomer(op);
      await send(c, "suspended", "2031-07-01T00:00:00+08:00", [1400000001]);
      await send(c, "bill_pushed", "2031-07-01T00:00:00+08:00", [1400000001]);
      await send(other, "suspended", "2031-07-01T00:00:00+08:00", [1400000001]);
      expect(await unreadCount(c.accountId)).toBe(2);
      expect(await markAllRead(c.accountId, at("2031-07-02T00:00:00+08:00"))).toBe(2);
      expect(await unreadCount(c.accountId)).toBe(0);
      expect(await unreadCount(other.accountId)).toBe(1);
    },
    SLOW,
  );

  it(
    "R-LIFE-6: bad filters are 400; another account's notification is 404; an operator key is 403",
    async () => {
      const c = await createCustomer(op);
      const other = await createCustomer(op);
      const n = await send(other, "suspended", "2031-05-01T00:00:00+08:00", [1400000001]);
      const bad = await call(listRoute, { key: c.apiKey, path: "/api/v1/notifications?unread=yes&kind=nope" });
      expect([bad.status, bad.json.error.code, Object.keys(bad.json.error.details.fields).sort()]).toEqual([
        400,
        "validation_failed",
        ["kind", "unread"],
      ]);
      expect((await call(readRoute, { key: c.apiKey, method: "POST", params: { id: n.id } })).status).toBe(404);
      expect((await call(readRoute, { key: c.apiKey, method: "POST", params: { id: "not-a-uuid" } })).status).toBe(404);
      expect((await call(listRoute, { key: op.key })).status).toBe(403);
      const [row] = await db().select().from(notifications).where(eq(notifications.id, n.id));
      expect(row!.readAt).toBeNull();
    },
    SLOW,
  );
});

describe("R-LIFE-6 / R-ACC-1 alert recipients API", () => {
  it(
    "R-ACC-1: the owner adds, lists and removes recipients",
    async () => {
      const c = await createCustomer(op);
      const r = await call(addRecipientRoute, {
        key: c.apiKey,
        body: { name: " 张三 ", email: "ZS@Example.com", kinds: ["balance_alert", "balance_alert", "arrears"] },
      });
      expect(r.status).toBe(201);
      expect(r.json).toEqual({
        id: expect.any(String),
        name: "张三",
        email: "zs@example.com",
        phone: null,
        kinds: ["balance_alert", "arrears"],
      });
      const sms = await call(addRecipientRoute, {
        key: c.apiKey,
        body: { name: "SMS", email: "", phone: "+14155550123", kinds: ["expired"] },
      });
      expect(sms.json).toMatchObject({ email: null, phone: "+14155550123" });
      expect(
        (await call(recipientsRoute, { key: c.apiKey })).json.recipients.map((x: { name: string }) => x.name),
      ).toEqual(["SMS", "张三"]);
      const del = await call(removeRecipientRoute, { key: c.apiKey, method: "DELETE", params: { id: r.json.id } });
      expect(del.status).toBe(204);
      expect((await call(recipientsRoute, { key: c.apiKey })).json.recipients).toHaveLength(1);
      expect(
        (await call(removeRecipientRoute, { key: c.apiKey, method: "DELETE", params: { id: r.json.id } })).status,
      ).toBe(404);
    },
    SLOW,
  );

  it.each([
    [{ name: "x", kinds: ["expired"] }, ["email"]],
    [{ name: "", email: "a@b.co", kinds: ["expired"] }, ["name"]],
    [{ name: "x".repeat(65), email: "a@b.co", kinds: ["expired"] }, ["name"]],
    [{ name: "x", email: "not-an-email", kinds: ["expired"] }, ["email"]],
    [{ name: "x", email: `${"a".repeat(250)}@b.co`, kinds: ["expired"] }, ["email"]],
    [{ name: "x", phone: "12345", kinds: ["expired"] }, ["phone"]],
    [{ name: "x", phone: "10000000000", kinds: ["expired"] }, ["phone"]],
    [{ name: "x", email: "a@b.co", kinds: [] }, ["kinds"]],
    [{ name: "x", email: "a@b.co", kinds: ["everything"] }, ["kinds.0"]],
    [{ name: "x", email: "a@b.co" }, ["kinds"]],
  ])(
    "R-LIFE-6: bad recipient %j → 400 naming %j, nothing written",
    async (input, fields) => {
      const c = await createCustomer(op);
      const r = await call(addRecipientRoute, { key: c.apiKey, body: input });
      expect([r.status, r.json.error.code]).toEqual([400, "validation_failed"]);
      expect(Object.keys(r.json.error.details.fields)).toEqual(fields);
      expect(await db().select().from(alertRecipients).where(eq(alertRecipients.accountId, c.accountId))).toEqual([]);
    },
    SLOW,
  );

  it(
    "R-ACC-1: an operator key cannot manage recipients or the balance alert; another account's recipient is 404",
    async () => {
      const c = await createCustomer(op);
      const other = await createCustomer(op);
      const r = await call(addRecipientRoute, {
        key: other.apiKey,
        body: { name: "x", email: "x@y.co", kinds: ["expired"] },
      });
      expect(
        (await call(removeRecipientRoute, { key: c.apiKey, method: "DELETE", params: { id: r.json.id } })).status,
      ).toBe(404);
      expect((await call(recipientsRoute, { key: op.key })).status).toBe(403);
      expect((await call(balanceAlertRoute, { key: op.key, method: "PUT", body: { threshold: "1.00" } })).status).toBe(
        403,
      );
      expect(
        await db().select().from(alertRecipients).where(eq(alertRecipients.accountId, other.accountId)),
      ).toHaveLength(1);
    },
    SLOW,
  );
});

describe("R-LIFE-8 balance alert API", () => {
  it(
    "R-LIFE-8: PUT sets and clears the threshold; GET /account shows it",
    async () => {
      const c = await createCustomer(op, { cash: "500.00" });
      expect((await call(accountRoute, { key: c.apiKey })).json.balanceAlert).toBeNull();
      const set = await call(balanceAlertRoute, { key: c.apiKey, method: "PUT", body: { threshold: "100" } });
      expect(set.status).toBe(200);
      expect(set.json).toMatchObject({
        id: c.accountId,
        balance: { available: "500.00" },
        balanceAlert: { threshold: "100.00" },
      });
      expect((await call(accountRoute, { key: c.apiKey })).json.balanceAlert).toEqual({ threshold: "100.00" });
      const off = await call(balanceAlertRoute, { key: c.apiKey, method: "PUT", body: { threshold: null } });
      expect(off.json.balanceAlert).toBeNull();
      expect(await db().select().from(balanceAlerts).where(eq(balanceAlerts.accountId, c.accountId))).toEqual([]);
    },
    SLOW,
  );

  it(
    "R-LIFE-8: a threshold above today's balance alerts at once",
    async () => {
      const c = await createCustomer(op, { cash: "50.00" });
      await call(balanceAlertRoute, { key: c.apiKey, method: "PUT", body: { threshold: "100.00" } });
      const list = await call(listRoute, { key: c.apiKey });
      expect(list.json.notifications).toEqual([
        expect.objectContaining({
          kind: "balance_alert",
          sdkAppIds: [],
          title: "余额低于预警阈值",
          body: expect.stringContaining("当前可用余额 ¥50.00，低于您设置的预警阈值 ¥100.00"),
        }),
      ]);
    },
    SLOW,
  );

  it.each([
    [{ threshold: "12.345" }],
    [{ threshold: "-1.00" }],
    [{ threshold: "0" }],
    [{ threshold: 100 }],
    [{}],
    ["{bad json"],
  ])(
    "R-LIFE-8: bad threshold %j → 400, nothing written",
    async (input) => {
      const c = await createCustomer(op);
      const r = await call(balanceAlertRoute, { key: c.apiKey, method: "PUT", body: input });
      expect([r.status, r.json.error.code]).toEqual([400, "validation_failed"]);
      expect(await db().select().from(balanceAlerts).where(eq(balanceAlerts.accountId, c.accountId))).toEqual([]);
    },
    SLOW,
  );
});

describe("R-LIFE-6 refund review decisions are notified", () => {
  it(
    "R-LIFE-6: approve and reject each tell the customer, in the same day's refund_reviewed notification",
    async () => {
      const c = await createCustomer(op, { verified: true, cash: "200000.00" });
      let seq = 0;
      const key = () => `notify-refund-${Date.now()}-${++seq}-${Math.random()}`;
      const buy = async () => {
        const app = await createApp(c.actor, { name: `app ${++seq}` });
        await placeOrder(
          c.actor,
          { type: "plan", sdkAppId: app.sdkAppId, edition: "ultimate", months: 12, packs: [], agreeSla: true },
          key(),
        );
        return app.sdkAppId;
      };
      await buy(); // the first order takes the first-purchase campaign
      const a = await buy();
      const b = await buy();
      const ra = await call(refundRoute, { key: c.apiKey, body: { sdkAppId: a, product: "plan", mode: "standard" } });
      const rb = await call(refundRoute, { key: c.apiKey, body: { sdkAppId: b, product: "plan", mode: "standard" } });
      expect([ra.json.status, rb.json.status]).toEqual(["pending_review", "pending_review"]);
      expect(await rowsOf(c.accountId)).toEqual([]);
      await call(approveRoute, { key: op.key, method: "POST", params: { id: ra.json.id } });
      await call(rejectRoute, {
        key: op.key,
        method: "POST",
        params: { id: rb.json.id },
        body: { reason: "duplicate request" },
      });
      const rows = await db()
        .select()
        .from(notifications)
        .where(and(eq(notifications.accountId, c.accountId), eq(notifications.kind, "refund_reviewed")));
      expect(rows).toHaveLength(1);
      expect(rows[0]!.sdkAppIds).toEqual([a, b].sort((x, y) => x - y));
      const body = (await call(listRoute, { key: c.apiKey })).json.notifications[0].body as string;
      expect(body).toContain(`${a}`);
      expect(body).toContain("已通过，退还 ¥");
      expect(body).toContain("已拒绝，原因：duplicate request");
    },
    SLOW,
  );
});

describe("Operator deliveries API", () => {
  it(
    "R-LIFE-6: GET /admin/deliveries lists deliveries with API.md's " +
      "fields; status filter; 400 on a bad status; customers 403",
    async () => {
      const c = await createCustomer(op);
      const n = await send(c, "suspended", "2031-06-01T00:00:00+08:00", [1400000001]);
      await db()
        .update(deliveries)
        .set({ status: "failed", attempts: 5, lastError: "connect ECONNREFUSED" })
        .where(eq(deliveries.notificationId, n.id));
      const r = await call(adminDeliveriesRoute, { key: op.key, path: "/api/v1/admin/deliveries?status=failed" });
      expect(r.status).toBe(200);
      expect(r.json.deliveries.find((d: { notificationId: string }) => d.notificationId === n.id)).toEqual({
        id: expect.any(String),
        notificationId: n.id,
        channel: "email",
        to: c.email,
        status: "failed",
        attempts: 5,
        lastError: "connect ECONNREFUSED",
        sentAt: null,
      });
      expect(r.json.deliveries.every((d: { status: string }) => d.status === "failed")).toBe(true);
      expect(
        (await call(adminDeliveriesRoute, { key: op.key, path: "/api/v1/admin/deliveries?status=lost" })).status,
      ).toBe(400);
      expect((await call(adminDeliveriesRoute, { key: c.apiKey })).status).toBe(403);
    },
    SLOW,
  );
});
