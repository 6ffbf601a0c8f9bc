/**
 * How a message leaves: email through nodemailer over SMTP when `SMTP_URL` is set, otherwise a
 * development transport that sends nothing and leaves the message in the outbox row (operators read
 * it on the Jobs & delivery page). SMS has the same interface; only the development one exists.
 */
import nodemailer from "nodemailer";

export type OutboundMessage = { to: string; subject: string; text: string };
export type Transport = { name: string; send(msg: OutboundMessage): Promise<void> };
export type Transports = { email: Transport; sms: Transport };

export const devEmailTransport: Transport = { name: "dev-email", send: async () => {} };
export const devSmsTransport: Transport = { name: "dev-sms", send: async () => {} };

export function mailFrom(): string {
  return process.env.MAIL_FROM || "IM Billing Console <no-reply@im-billing.local>";
}

/**
 * An SMTP transport (e.g. `smtp://user:pass@mail.example.com:587`,
 * `smtps://…:465`). Timeouts keep a dead server from holding a worker.
 */
export function smtpTransport(url: string): Transport {
  const mailer = nodemailer.createTransport(url, { from: mailFrom() });
  const opts = mailer.options as { connectionTimeout?: number; greetingTimeout?: number; socketTimeout?: number };
  opts.connectionTimeout ??= 10_000;
  opts.greetingTimeout ??= 10_000;
  opts.socketTimeout ??= 20_000;
  return {
    name: "smtp",
    async send(msg) {
      await mailer.sendMail({ to: msg.to, subject: msg.subject, text: msg.text });
    },
  };
}

let cached: { url: string | undefined; t: Transports } | undefined;

/** The transports this process uses, from the environment. */
export function defaultTransports(): Transports {
  const url = process.env.SMTP_URL || undefined;
  if (!cached || cached.url !== url)
    cached = { url, t: { email: url ? smtpTransport(url) : devEmailTransport, sms: devSmsTransport } };
  return cached.t;
}
