"use client";

import { useEffect, useRef, useState } from "react";
import { quoteOrderAction } from "@/app/(customer)/orders/actions";
import type { PackName, PaidEdition } from "@/lib/billing/price-book";
import type { QuoteJson } from "@/lib/wire";

export type ChangeBody = {
  sdkAppId: number;
  edition: PaidEdition;
  months: number;
  packs: { pack: PackName; tier: string | null }[];
};

export type ChangeQuote =
  | { kind: "idle" }
  | { kind: "loading"; previous: QuoteJson | null }
  | { kind: "ok"; quote: QuoteJson }
  | { kind: "refused"; message: string };

/** The server's live quote of the chosen change, debounced; a late answer to an older choice is dropped. */
export function useChangeQuote(body: ChangeBody | null, failed: string, delayMs = 300): ChangeQuote {
  const [state, setState] = useState<ChangeQuote>({ kind: "idle" });
  const seq = useRef(0);
  const key = body ? JSON.stringify(body) : "";

  useEffect(() => {
    const mine = ++seq.current;
    if (!key) return void setState({ kind: "idle" });
    setState((s) => ({
      kind: "loading",
      previous: s.kind === "ok" ? s.quote : s.kind === "loading" ? s.previous : null,
    }));
    const timer = setTimeout(async () => {
      try {
        const r = await quoteOrderAction("change", JSON.parse(key));
        if (mine === seq.current)
          setState(r.ok ? { kind: "ok", quote: r.data } : { kind: "refused", message: r.error.message });
      } catch {
        if (mine === seq.current) setState({ kind: "refused", message: failed });
      }
    }, delayMs);
    return () => clearTimeout(timer);
  }, [key, delayMs, failed]);

  return state;
}
