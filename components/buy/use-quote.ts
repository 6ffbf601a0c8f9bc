"use client";

import { useEffect, useRef, useState } from "react";
import { quoteOrderAction } from "@/app/(customer)/orders/actions";
import type { OrderBody } from "./types";
import type { QuoteJson } from "@/lib/wire";

export type QuoteState =
  | { kind: "idle" }
  | { kind: "loading"; previous: QuoteJson | null }
  | { kind: "ok"; quote: QuoteJson }
  | { kind: "refused"; code: string; message: string };

/**
 * The live server quote of the current choice: debounced, and only the newest request's answer is
 * kept (an older one arriving late is dropped). Every figure the summary shows comes from here.
 */
export function useQuote(body: OrderBody | null, delayMs = 250): QuoteState {
  const [state, setState] = useState<QuoteState>({ kind: "idle" });
  const seq = useRef(0);
  const key = body ? JSON.stringify(body) : "";

  useEffect(() => {
    const mine = ++seq.current;
    if (!key) {
      setState({ kind: "idle" });
      return;
    }
    setState((s) => ({
      kind: "loading",
      previous: s.kind === "ok" ? s.quote : s.kind === "loading" ? s.previous : null,
    }));
    const timer = setTimeout(async () => {
      try {
        const r = await quoteOrderAction("buy", JSON.parse(key));
        if (mine !== seq.current) return;
        setState(
          r.ok ? { kind: "ok", quote: r.data } : { kind: "refused", code: r.error.code, message: r.error.message },
        );
      } catch {
        if (mine === seq.current) setState({ kind: "refused", code: "network", message: "" });
      }
    }, delayMs);
    return () => clearTimeout(timer);
  }, [key, delayMs]);

  return state;
}
