"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import type { ActionError, ActionResult } from "@/lib/wire";
import type { FieldErrors } from "@/lib/errors";

type Options<A extends unknown[], T> = {
  /** The success toast (none when it gives nothing). */
  success?: string | ((data: T, ...args: A) => string | undefined);
  onSuccess?: (data: T, ...args: A) => void;
  /**
   * How a refusal is shown: "toast" (the default) toasts its message; "fields" leaves it to the form's
   * fields (`fields`) and toasts only when it names none; "inline" toasts nothing (the component shows `error`).
   */
  errors?: "toast" | "fields" | "inline";
  onError?: (error: ActionError, ...args: A) => void;
  /** Re-reads the page's server data after a success (default); off when the component navigates away. */
  refresh?: boolean;
};

const NO_FIELDS: FieldErrors = {};

/**
 * Runs a server action (one `runAction` result) from a component: pending state while it runs, the
 * refusal kept with its field reasons, and the toasts. `run` takes the action's own arguments.
 */
export function useServerAction<A extends unknown[], T>(
  action: (...args: A) => Promise<ActionResult<T>>,
  { success, onSuccess, errors = "toast", onError, refresh = true }: Options<A, T> = {},
) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<ActionError | null>(null);

  function run(...args: A) {
    start(async () => {
      const r = await action(...args);
      if (!r.ok) {
        setError(r.error);
        if (errors === "toast" || (errors === "fields" && !r.error.fields)) toast.error(r.error.message);
        onError?.(r.error, ...args);
        return;
      }
      setError(null);
      const message = typeof success === "function" ? success(r.data, ...args) : success;
      if (message) toast.success(message);
      onSuccess?.(r.data, ...args);
      if (refresh) router.refresh();
    });
  }

  return { run, pending, error, fields: error?.fields ?? NO_FIELDS, reset: () => setError(null) };
}
