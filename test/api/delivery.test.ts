import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { eq, inArray } from "drizzle-orm";
import { db } from "@/db/client";
import { deliveries, notifications } from "@/db/schema";
import { deliverDue, deliverOne } from "@/lib/jobs/delivery";
import { MAX_ATTEMPTS } from "@/lib/jobs/retry";
import { devSmsTransport, smtpTransport, type Transports } from "@/lib/jobs/transports";
import { notify } from "@/lib/services/notifications";
import { addRecipient } from "@/lib/services/alert-recipients";
import { createCustomer, createOperator, ledgerRows, SLOW, type TestCustomer, type TestOperator } from "../helpers";

type Received = { from: string; to: string[]; raw: string };

/** A real SMTP server in this process on a free local port. */
async function startSmtp() {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, done) {
      let raw = "";
      stream.setEncoding("utf8");
      stream.on("data", (c: string) => (raw += c));
      stream.on("end", () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
        });
        done();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  const close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return { received, port, close };
}

let op: TestOperator;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
beforeAll(async () => {
  op = await createOperator();
  smtp = await startSmtp();
});
afterAll(async () => {
  await smtp.close();
});

const via = (port: number): Transports => ({ email: smtpTransport(`smtp://127.0.0.1:${port}`), sms: devSmsTransport });

async function suspendedNotice(c: TestCustomer, when = "2033-01-05T00:00:00+08:00") {
  return db().transaction((tx) =>
    notify(tx, {
      accountId: c.accountId,
      kind: "suspended",
      at: new Date(when),
      sdkAppIds: [1400000009],
      data: { apps: { "1400000009": { reason: "expired" } } },
    }),
  );
}
const ofNotification = (id: string) =>
  db().select().from(deliveries).where(eq(deliveries.notificationId, id)).orderBy(deliveries.channel);

/** Decodes a quoted-printable / base64 subject well enough to compare (nodemailer encodes non-ASCII). */
function subjectOf(raw: string): string {
  const m = /^Subject: (.*(?:\r?\n[ \t].*)*)/m.exec(raw);
  const enc = (m?.[1] ?? "").replace(/\r?\n[ \t]/g, " ");
  return enc.replace(/=\?UTF-8\?([BQ])\?([^?]*)\?=\s*/gi, (_x, kind: string, text: string) =>
    kind.toUpperCase() === "B"
      ? Buffer.from(text, "base64").toString("utf8")
      : Buffer.from(
          text.replace(/_/g, " ").replace(/=([0-9A-F]{2})/gi, (_y, h: string) => String.fromCharCode(parseInt(h, 16))),
          "latin1",
        ).toString("utf8"),
  );
}

describe("R-LIFE-6 delivery over SMTP", () => {
  it(
    "R-LIFE-6: the owner's email arrives at the SMTP server with the right recipient and subject; the row is sent",
    async () => {
      const c = await createCustomer(op);
      const n = await suspendedNotice(c);
      const [d] = await ofNotification(n.id);
      expect(await deliverOne(d!.id, { transports: via(smtp.port) })).toEqual({ outcome: "sent" });
      const mail = smtp.received.find((m) => m.to.includes(c.email))!;
      expect(mail).toBeDefined();
      expect(subjectOf(mail.raw)).toBe("1 个应用已停服");
      const [after] = await ofNotification(n.id);
      expect(after).toMatchObject({
        status: "sent",
        attempts: 1,
        lastError: null,
        transport: "smtp",
        subject: "1 个应用已停服",
      });
      expect(after!.body).toContain("1400000009");
      // sending again does nothing
      expect((await deliverOne(d!.id, { transports: via(smtp.port) })).outcome).toBe("skipped");
      expect(smtp.received.filter((m) => m.to.includes(c.email))).toHaveLength(1);
    },
    SLOW,
  );

  it(
    "R-LIFE-6: SMS goes through the SMS transport; the development transport keeps the message in the outbox",
    async () => {
      const c = await createCustomer(op);
      await addRecipient(c.actor, { name: "值班", phone: "13800138000", kinds: ["suspended"] });
      const n = await suspendedNotice(c);
      const ds = await ofNotification(n.id);
      for (const d of ds)
        expect(
          (
            await deliverOne(d.id, {
              transports: { email: { name: "dev-email", send: async () => {} }, sms: devSmsTransport },
            })
          ).outcome,
        ).toBe("sent");
      const after = await ofNotification(n.id);
      expect(after.map((d) => [d.channel, d.transport, d.status])).toEqual([
        ["email", "dev-email", "sent"],
        ["sms", "dev-sms", "sent"],
      ]);
      expect(after[1]!.body).toBe("【IM 计费】1 个应用已停服，应用：1400000009。详情请登录控制台查看。");
    },
    SLOW,
  );

  it(
    "R-LIFE-6: with the mail server down the error is recorded, attempts grow " +
      "with backoff, it ends failed; billing rows are untouched",
    async () => {
      const c = await createCustomer(op, { cash: "100.00" });
      const ledgerBefore = await ledgerRows(c.accountId);
      const down = await startSmtp();
      const port = down.port;
      await down.close();
      const n = await suspendedNotice(c);
      const [d] = await ofNotification(n.id);
      let at = new Date();
      const r1 = await deliverOne(d!.id, { transports: via(port), at });
      expect(r1.outcome).toBe("retry");
      let [row] = await ofNotification(n.id);
      expect(row).toMatchObject({ status: "pending", attempts: 1, sentAt: null });
      expect(row!.lastError).toMatch(/ECONNREFUSED|connect/i);
      expect(row!.nextAttemptAt.getTime() - at.getTime()).toBe(30_000);
      // not due yet: deliverDue leaves it alone
      await deliverDue(1000, { transports: via(port), at: new Date(at.getTime() + 29_000), accountId: c.accountId });
      [row] = await ofNotification(n.id);
      expect(row!.attempts).toBe(1);
      const gaps: number[] = [];
      for (let i = 2; i <= MAX_ATTEMPTS; i++) {
        at = row!.nextAttemptAt;
        await deliverOne(d!.id, { transports: via(port), at });
        [row] = await ofNotification(n.id);
        expect(row!.attempts).toBe(i);
        gaps.push((row!.nextAttemptAt.getTime() - at.getTime()) / 1000);
      }
      expect(gaps.slice(0, -1)).toEqual([60, 120, 240]);
      expect(row).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS });
      expect((await deliverOne(d!.id, { transports: via(port) })).outcome).toBe("skipped");
      // the notification and the account's money are as they were
      expect(await ledgerRows(c.accountId)).toEqual(ledgerBefore);
      expect(await db().select().from(notifications).where(eq(notifications.id, n.id))).toHaveLength(1);
    },
    SLOW,
  );

  it(
    "R-LIFE-6: a failing delivery does not stop the others; the server coming back delivers on the next due pass",
    async () => {
      const c = await createCustomer(op);
      const n1 = await suspendedNotice(c, "2033-02-01T00:00:00+08:00");
      const n2 = await suspendedNotice(c, "2033-02-02T00:00:00+08:00");
      const ids = [...(await ofNotification(n1.id)), ...(await ofNotification(n2.id))].map((d) => d.id);
      const dead = await startSmtp();
      await dead.close();
      const at = new Date();
      for (const id of ids) expect((await deliverOne(id, { transports: via(dead.port), at })).outcome).toBe("retry");
      const later = new Date(at.getTime() + 31_000);
      await deliverDue(1000, { transports: via(smtp.port), at: later, accountId: c.accountId });
      const rows = await db().select().from(deliveries).where(inArray(deliveries.id, ids));
      expect(rows.map((r) => [r.status, r.attempts])).toEqual([
        ["sent", 2],
        ["sent", 2],
      ]);
    },
    SLOW,
  );
});
