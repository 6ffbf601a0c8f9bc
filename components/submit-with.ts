import type { FormEvent } from "react";

/**
 * Submits a form's data to a handler without React's automatic form reset, so that a rejected
 * submission keeps what the user typed next to the field errors. Handlers reset on success.
 */
export function submitWith(handler: (data: FormData, form: HTMLFormElement) => void) {
  return (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    handler(new FormData(e.currentTarget), e.currentTarget);
  };
}
