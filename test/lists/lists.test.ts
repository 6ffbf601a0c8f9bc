import { describe, expect, test } from "vitest";
import { dayParam, hrefWith, pageParams, textParam, uuidParam } from "@/components/data-list/params";
import { changes, shape } from "@/components/audit/describe";
import { createApp, listAppsPage } from "@/lib/services/apps";
import { topUp, verifyAccount, listAccountsPage } from "@/lib/services/accounts";
import { listAuditPage } from "@/lib/services/audit-views";
import { addMonths, renewalsDue, spendByMonth, unreadSummary, latestBill } from "@/lib/services/overview";
import { now } from "@/lib/clock";
import { createCustomer, createOperator, insertApps } from "../helpers";

describe("list params (URL is the state)", () => {
  test("page and size fall back instead of failing; offsets follow", () => {
    expect(pageParams({}, 25)).toEqual({ page: 1, size: 25, offset: 0 });
    expect(pageParams({ page: "3", size: "50" }, 25)).toEqual({ page: 3, size: 50, offset: 100 });
    expect(pageParams({ page: "0", size: "7" }, 25)).toEqual({ page: 1, size: 25, offset: 0 });
    expect(pageParams({ page: ["2", "3"], size: "-1" }, 25)).toEqual({ page: 1, size: 25, offset: 0 });
    expect(pageParams({ page: "9999999" }, 25).page).toBe(1);
  });
  test("a filter change goes back to page 1; page 1 is not written; empty removes", () => {
    expect(hrefWith("/apps", { page: "3", q: "x" }, { status: "grace" })).toBe("/apps?q=x&status=grace");
    expect(hrefWith("/apps", { q: "x" }, { page: "2" })).toBe("/apps?q=x&page=2");
    expect(hrefWith("/apps", { q: "x", page: "2" }, { page: "1" })).toBe("/apps?q=x");
    expect(hrefWith("/apps", { q: "x" }, { q: null })).toBe("/apps");
  });
  test("text, day and uuid params refuse what no column can hold", () => {
    expect(textParam({ q: "  a b  " })).toBe("a b");
    expect(textParam({ q: "a\u0000b" })).toBeUndefined();
    expect(textParam({ q: "   " })).toBeUndefined();
    expect(dayParam({ d: "2026-02-30" }, "d")).toBeUndefined();
    expect(dayParam({ d: "2026-02-28" }, "d")).toBe("2026-02-28");
    expect(uuidParam({ a: "not-a-uuid" }, "a")).toBeUndefined();
  });
});

describe("audit before/after for people", () => {
  test("only changed fields, nested objects flattened, money and instants recognised", () => {
    expect(changes({ cash: "0.00", gift: "0.00" }, { cash: "5000.00", gift: "0.00", note: "x" })).toEqual([
      { key: "cash", before: "0.00", after: "5000.00", kind: "changed" },
      { key: "note", after: "x", kind: "set" },
    ]);
    expect(changes(null, { paid: { cash: "1.00" } })).toEqual([{ key: "paid_cash", after: "1.00", kind: "set" }]);
    expect(shape("paid_cash", "1.00")).toEqual({ kind: "money", value: "1.00" });
    expect(shape("expiresAt", "2026-01-01T00:00:00.000Z")).toEqual({
      kind: "instant",
      value: "2026-01-01T00:00:00.000Z",
    });
    expect(shape("sdkAppId", 1400000001)).toEqual({ kind: "text", value: "1400000001" });
  });
});

describe("server-side lists", () => {
  test("apps: one page and the total; search treats % and _ literally", async () => {
    const c = await createCustomer();
    await insertApps(c.accountId, 30);
    await createApp(c.actor, { name: "100%_literal" });
    const page = await listAppsPage(c.accountId, {}, { limit: 25, offset: 25 });
    expect(page.total).toBe(31);
    expect(page.rows).toHaveLength(6);
    expect((await listAppsPage(c.accountId, { q: "%_" }, { limit: 25, offset: 0 })).total).toBe(1);
    const byName = await listAppsPage(c.accountId, {}, { sort: "name", dir: "desc", limit: 1, offset: 0 });
    expect(byName.rows[0]!.name).toBe("bulk 9");
  });

  test("accounts: search by owner e-mail, app count per account in the same statement", async () => {
    const c = await createCustomer();
    await insertApps(c.accountId, 3);
    const r = await listAccountsPage({ q: c.email }, { limit: 25, offset: 0 });
    expect(r.total).toBe(1);
    expect(r.rows[0]!.appCount).toBe(3);
  });

  test("audit: names instead of tags, filters by account, actor kind, action and Shanghai days", async () => {
    const op = await createOperator();
    const c = await createCustomer();
    await verifyAccount(op.actor, c.accountId);
    await topUp(op.actor, c.accountId, { cash: "5000.00", note: "transfer" });
    await createApp(c.actor, { name: "Audit app" });
    const all = await listAuditPage({ accountId: c.accountId }, { limit: 50, offset: 0 });
    const top = all.rows.find((r) => r.action === "account.topup")!;
    expect(top.actorKind).toBe("operator");
    expect(top.actorName).toContain("Test operator");
    expect(top.accountName).not.toBeNull();
    const byOperator = await listAuditPage({ accountId: c.accountId, actor: "operator" }, { limit: 50, offset: 0 });
    expect(byOperator.rows.every((r) => r.actor.startsWith("operator:"))).toBe(true);
    const created = await listAuditPage({ accountId: c.accountId, action: "app.create" }, { limit: 50, offset: 0 });
    expect(created.total).toBe(1);
    expect((await listAuditPage({ accountId: c.accountId, to: "2000-01-01" }, { limit: 50, offset: 0 })).total).toBe(0);
    expect(
      (await listAuditPage({ accountId: c.accountId, from: "2000-01-01", to: "9999-12-30" }, { limit: 50, offset: 0 }))
        .total,
    ).toBe(all.total);
  });
});

describe("overview figures", () => {
  test("months are calendar arithmetic", () => {
    expect(addMonths("2026-01", -1)).toBe("2025-12");
    expect(addMonths("2026-11", 2)).toBe("2027-01");
    expect(addMonths("2026-03", -14)).toBe("2025-01");
  });

  test(
    "spend by month has 12 months ending this one; nothing spent is " +
      "zeros; empty account has no bill, no unread, no renewals",
    async () => {
      const c = await createCustomer();
      const at = await now();
      const spend = await spendByMonth(c.accountId, at, 12);
      expect(spend).toHaveLength(12);
      expect(spend.every((m) => m.net === "0.00")).toBe(true);
      expect(await latestBill(c.accountId)).toBeNull();
      expect((await unreadSummary(c.accountId)).count).toBe(0);
      expect(await renewalsDue(c.accountId, at)).toEqual([]);
    },
  );
});
