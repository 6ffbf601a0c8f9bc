import { describe, expect, it } from "vitest";
import { throttledAnswer } from "@/lib/auth/throttle-response";
import { CLIENT_ADDRESS_HEADER, clientAddress, resolveClientAddress } from "@/lib/http/client-address";
import { onRequest } from "@/lib/http/server-hooks";
import { EventEmitter } from "node:events";

const nextAuthAnswer = (error: string, status = 401) =>
  new Response(JSON.stringify({ url: `http://localhost:3000/api/auth/error?error=${encodeURIComponent(error)}` }), {
    status,
    headers: { "content-type": "application/json" },
  });

describe("issue 8: login over HTTP", () => {
  it("a throttled credentials sign-in → 429 with Retry-After; the body still tells next-auth's client", async () => {
    const r = await throttledAnswer(nextAuthAnswer("throttled:60"));
    expect(r.status).toBe(429);
    expect(r.headers.get("retry-after")).toBe("60");
    expect(new URL((await r.json()).url).searchParams.get("error")).toBe("throttled:60");
  });

  it("a wrong password stays next-auth's own answer", async () => {
    const r = await throttledAnswer(nextAuthAnswer("CredentialsSignin"));
    expect(r.status).toBe(401);
    expect(r.headers.get("retry-after")).toBeNull();
  });

  it("the client address comes from the socket; a client's own X-Forwarded-For or address header is ignored", () => {
    const req = Object.assign(new EventEmitter(), {
      url: "/api/auth/callback/credentials?x=1",
      method: "POST",
      socket: { remoteAddress: "203.0.113.9" },
      headers: { "x-forwarded-for": "1.2.3.4", [CLIENT_ADDRESS_HEADER]: "5.6.7.8" } as Record<string, string>,
    });
    const res = Object.assign(new EventEmitter(), { statusCode: 200 });
    onRequest(req as never, res as never, 0);
    expect(clientAddress(req.headers)).toBe("203.0.113.9");
    // Behind one trusted proxy, the address that proxy saw (the right-most entry).
    expect(resolveClientAddress("10.0.0.1", "1.2.3.4, 198.51.100.7", 1)).toBe("198.51.100.7");
  });
});
