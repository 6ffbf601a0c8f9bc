/** Domain errors: a stable code, an HTTP status, an English sentence and parameters for translated messages. */
export type ErrorCode =
  | "app_limit_reached"
  | "insufficient_balance"
  | "not_verified"
  | "not_eligible"
  | "invalid_state"
  | "idempotency_conflict"
  | "validation_failed"
  | "not_found"
  | "forbidden"
  | "unauthorized"
  | "throttled"
  | "conflict"
  | "payload_too_large";

const STATUS: Record<ErrorCode, number> = {
  app_limit_reached: 409,
  insufficient_balance: 422,
  not_verified: 422,
  not_eligible: 422,
  invalid_state: 409,
  idempotency_conflict: 409,
  validation_failed: 400,
  not_found: 404,
  forbidden: 403,
  unauthorized: 401,
  throttled: 429,
  conflict: 409,
  payload_too_large: 413,
};

export type FieldErrors = Record<string, string>;

export class DomainError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.status = STATUS[code];
  }
}

export const notFound = (what: string) => new DomainError("not_found", `${what} was not found.`);
export const forbidden = (message = "You do not have permission to do this.") => new DomainError("forbidden", message);
export const invalidState = (message: string, details?: Record<string, unknown>) =>
  new DomainError("invalid_state", message, details);
export const validationFailed = (fields: FieldErrors) =>
  new DomainError(
    "validation_failed",
    `Invalid input: ${Object.entries(fields)
      .map(([f, r]) => `${f} ${r}`)
      .join("; ")}.`,
    { fields },
  );

export function isDomainError(e: unknown): e is DomainError {
  return e instanceof DomainError;
}
