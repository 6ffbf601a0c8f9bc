import { DomainError, validationFailed } from "@/lib/errors";
import { MAX_LOGIN_EVENTS } from "@/lib/validation/usage";

/**
 * The largest valid request body is a login batch of 10,000 events whose user ids have the longest
 * allowed form (128 characters of 4 bytes each in UTF-8), indented: under 640 bytes an event
 * (test/hardening/body-limit.test.ts builds it and checks). Anything larger is refused unread.
 */
export const MAX_EVENT_BYTES = 640;
export const MAX_BODY_BYTES = MAX_LOGIN_EVENTS * MAX_EVENT_BYTES + 64 * 1024;

export const payloadTooLarge = (limit: number) =>
  new DomainError("payload_too_large", `The request body is larger than ${limit} bytes, the largest valid request.`, {
    limitBytes: limit,
  });

/**
 * Reads a request body as UTF-8 text, counting the bytes as they stream in: more than `limit` bytes is a
 * 413 whatever Content-Length says (or whether it is sent at all), and the rest is never read.
 */
export async function readBodyCapped(req: Request, limit = MAX_BODY_BYTES): Promise<string> {
  const declared = Number(req.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > limit) throw payloadTooLarge(limit);
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => {});
      throw payloadTooLarge(limit);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    bytes.set(c, offset);
    offset += c.byteLength;
  }
  return decodeBody(bytes);
}

/** A body's bytes as text: UTF-8 only (a byte-order mark is dropped), anything else a 400 naming the body. */
export function decodeBody(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw validationFailed({ body: "must be UTF-8 text" });
  }
}
