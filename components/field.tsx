"use client";

import { useId } from "react";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

type Props = React.ComponentProps<typeof Input> & { name: string; label: string; error?: string; hint?: string };

/** A labelled input with its error (from the server's field reasons) or hint below. */
export function Field({ name, label, error, hint, id, ...rest }: Props) {
  const auto = useId();
  const inputId = id ?? `f-${name}-${auto}`;
  return (
    <div className="grid gap-1.5">
      <Label htmlFor={inputId}>{label}</Label>
      <Input
        id={inputId}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${inputId}-msg`}
        {...rest}
      />
      {(error || hint) && (
        <p id={`${inputId}-msg`} className={error ? "text-sm text-destructive" : "text-xs text-muted-foreground"}>
          {error ?? hint}
        </p>
      )}
    </div>
  );
}
