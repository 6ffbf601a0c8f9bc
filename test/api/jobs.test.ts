import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { deliveries } from "@/db/schema";
import { jobs, startJobs, stopJobs } from "@/lib/jobs/boss";
import { DEAD_LETTER_QUEUE, DELIVER_QUEUE, registerDeliveryJobs } from "@/lib/jobs";
import { MAX_ATTEMPTS } from "@/lib/jobs/retry";
import { notify } from "@/lib/services/notifications";
import { createCustomer, SLOW } from "../helpers";

const received: string[] = [];
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS", "AUTH"],
  logger: false,
  onData(stream, session, done) {
    stream.on("data", () => {});
    stream.on("end", () => {
      received.push(...session.envelope.rcptTo.map((r) => r.address));
      done();
    });
  },
});
const savedSmtp = process.env.SMTP_URL;

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  process.env.SMTP_URL = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  await registerDeliveryJobs();
  await startJobs(process.env.DATABASE_URL!, { schedule: false, supervise: false });
}, 60_000);

afterAll(async () => {
  await stopJobs();
  if (savedSmtp === undefined) delete process.env.SMTP_URL;
  else process.env.SMTP_URL = savedSmtp;
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe("R-LIFE-6 delivery on pg-boss", () => {
  it("R-LIFE-6: the deliver queue retries with backoff into a dead-letter queue", async () => {
    const q = await jobs()!.getQueue(DELIVER_QUEUE);
    expect(q).toMatchObject({ retryLimit: MAX_ATTEMPTS - 1, retryBackoff: true, deadLetter: DEAD_LETTER_QUEUE });
  });

  it(
    "R-LIFE-6: a new notification's email is enqueued and sent by the worker through SMTP",
    async () => {
      const c = await createCustomer();
      const n = await db().transaction((tx) =>
        notify(tx, {
          accountId: c.accountId,
          kind: "expired",
          at: new Date("2034-01-01T00:00:00+08:00"),
          sdkAppIds: [1400000001],
        }),
      );
      // only this test's delivery is handed to the worker (other files' outbox rows stay as they are)
      const [d] = await db().select().from(deliveries).where(eq(deliveries.notificationId, n.id));
      await db().update(deliveries).set({ queuedAt: new Date() }).where(eq(deliveries.id, d!.id));
      expect(await jobs()!.send(DELIVER_QUEUE, { deliveryId: d!.id })).toEqual(expect.any(String));
      await expect
        .poll(
          async () => (await db().select().from(deliveries).where(eq(deliveries.notificationId, n.id)))[0]?.status,
          { timeout: 20_000, interval: 250 },
        )
        .toBe("sent");
      expect(received).toContain(c.email);
    },
    SLOW,
  );
});
