/**
 * next-auth answers a refused credentials sign-in as `{url: ".../error?error=<message>"}`. A throttled
 * attempt (message "throttled:<seconds>") becomes 429 with Retry-After; the body stays what next-auth's
 * client reads, so `signIn()` still returns `error: "throttled:<seconds>"`.
 */
export async function throttledAnswer(res: Response): Promise<Response> {
  if (!res.headers.get("content-type")?.includes("application/json")) return res;
  const text = await res.clone().text();
  let url: string | undefined;
  try {
    url = (JSON.parse(text) as { url?: string }).url;
  } catch {
    return res;
  }
  const error = url ? new URL(url, "http://localhost").searchParams.get("error") : null;
  const m = /^throttled:(\d+)$/.exec(error ?? "");
  if (!m) return res;
  const headers = new Headers(res.headers);
  headers.set("Retry-After", m[1]!);
  return new Response(text, { status: 429, headers });
}
