/** Delivery retries: exponential backoff, then give up (the row is `failed`, the job dead-lettered). */
export const MAX_ATTEMPTS = 5;
export const RETRY_BASE_SECONDS = 30;

/** Seconds to wait after the `attempts`-th failed attempt: 30, 60, 120, 240 … */
export function retryDelaySeconds(attempts: number): number {
  return RETRY_BASE_SECONDS * 2 ** Math.max(0, attempts - 1);
}
