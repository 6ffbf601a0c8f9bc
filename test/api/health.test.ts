import { describe, expect, it } from "vitest";
import { GET as health } from "@/app/api/health/route";
import { call } from "../helpers";

describe("health", () => {
  it("GET /api/health → 200 {ok: true} once the database is reachable", async () => {
    const r = await call(health);
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ ok: true });
  });
});
