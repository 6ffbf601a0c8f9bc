/**
 * The client's network address, as the server hook (lib/http/server-hooks.ts) recorded it from the
 * socket, overwriting whatever header a client sent. Behind reverse proxies (TRUSTED_PROXY_HOPS=n) it
 * is the n-th address from the right of X-Forwarded-For, the one the outermost trusted proxy saw.
 */
export const CLIENT_ADDRESS_HEADER = "x-imb-client-address";

type HeaderBag = Headers | Record<string, string | string[] | undefined> | undefined;

export function clientAddress(headers: HeaderBag): string | null {
  if (!headers) return null;
  const v = headers instanceof Headers ? headers.get(CLIENT_ADDRESS_HEADER) : headers[CLIENT_ADDRESS_HEADER];
  const s = Array.isArray(v) ? v[0] : v;
  return s?.trim() || null;
}

/** The address to record for a request that arrived on `socketAddress` with these X-Forwarded-For entries. */
export function resolveClientAddress(
  socketAddress: string | undefined,
  forwardedFor: string | undefined,
  trustedHops: number,
): string | null {
  if (trustedHops <= 0 || !forwardedFor) return socketAddress ?? null;
  const chain = forwardedFor
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  return chain[chain.length - trustedHops] ?? chain[0] ?? socketAddress ?? null;
}
