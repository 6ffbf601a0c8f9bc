/**
 * The server's structured log (pino): one JSON object a line. At `info` it never holds SQL parameters,
 * passwords, API keys, cookies or stack traces: known secret fields are redacted, and errors are reduced
 * to their type, code and first line (a drizzle error's "params:" part cut off). `LOG_LEVEL=debug` adds
 * stacks for a developer's machine.
 */
import pino, { type DestinationStream, type Logger } from "pino";

const SECRET_KEYS = [
  "password",
  "ownerPassword",
  "passwordHash",
  "apiKey",
  "key",
  "token",
  "secret",
  "authorization",
  "cookie",
  "set-cookie",
  "parameters",
  "params",
];
export const REDACT_PATHS = [
  ...SECRET_KEYS,
  ...SECRET_KEYS.map((k) => `*.${k}`),
  ...SECRET_KEYS.map((k) => `*.*.${k}`),
  "req.headers.authorization",
  "req.headers.cookie",
  'req.headers["x-api-key"]',
];

type ErrLike = { name?: unknown; message?: unknown; code?: unknown; cause?: unknown; stack?: unknown };

/** An error as the log may hold it: no SQL parameters, no stack unless at debug. */
export function safeError(e: unknown, withStack = false): Record<string, unknown> {
  if (!e || typeof e !== "object") return { message: String(e).slice(0, 200) };
  const err = e as ErrLike;
  const cause = err.cause && typeof err.cause === "object" ? (err.cause as ErrLike) : undefined;
  const firstLine = String(err.message ?? "")
    .split("\n")[0]!
    .replace(/\bparams:.*$/i, "")
    .slice(0, 300);
  const out: Record<string, unknown> = { type: String(err.name ?? "Error"), message: firstLine };
  const code = err.code ?? cause?.code;
  if (typeof code === "string") out.code = code;
  if (cause)
    out.cause = {
      type: String(cause.name ?? "Error"),
      message: String(cause.message ?? "")
        .split("\n")[0]!
        .slice(0, 300),
    };
  if (withStack && typeof err.stack === "string") out.stack = err.stack;
  return out;
}

/** Every log line's level, `app` field and ISO time. */
const lineFormat = (level: string) => ({
  level,
  base: { app: "im-billing" },
  timestamp: pino.stdTimeFunctions.isoTime,
});

export function createLogger(destination?: DestinationStream, level = process.env.LOG_LEVEL ?? "info"): Logger {
  const debug = level === "debug" || level === "trace";
  return pino(
    {
      ...lineFormat(level),
      redact: { paths: REDACT_PATHS, censor: "[redacted]" },
      serializers: { err: (e: unknown) => safeError(e, debug) },
    },
    destination,
  );
}

const globalForLog = globalThis as unknown as { __imbLog?: Logger; __imbRequestLog?: Logger };

/** The process's logger (stdout). */
export function log(): Logger {
  globalForLog.__imbLog ??= createLogger();
  return globalForLog.__imbLog;
}

/**
 * The request log's logger (lib/http/server-hooks.ts): the same line format on the same stdout, without
 * the redaction pass, which cost more than the rest of a health check's logging (issue 11). Its lines
 * hold only fields the hook chooses: method, path without the query, status, duration.
 */
export function requestLog(): Logger {
  globalForLog.__imbRequestLog ??= pino(lineFormat(process.env.LOG_LEVEL ?? "info"));
  return globalForLog.__imbRequestLog;
}
