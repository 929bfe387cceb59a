/**
 * Typed domain errors thrown by services. The action wrapper maps them to translated
 * messages (`errors.<code>` in messages/*.json); anything else is logged and shown as a
 * generic error, never with its text.
 */
export type DomainErrorCode = string;

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    readonly params: Record<string, string | number> = {},
  ) {
    super(code);
    this.name = new.target.name;
  }
}

/** Not signed in. */
export class UnauthenticatedError extends DomainError {
  constructor() {
    super("UNAUTHENTICATED");
  }
}

/** Signed in but not allowed. */
export class ForbiddenError extends DomainError {
  constructor(code: DomainErrorCode = "FORBIDDEN") {
    super(code);
  }
}

export class NotFoundError extends DomainError {
  constructor(code: DomainErrorCode = "NOT_FOUND") {
    super(code);
  }
}

/** A business rule refused the change, e.g. `SESSION_FULL`, `EMAIL_TAKEN`. */
export class ConflictError extends DomainError {}

/** Input that passed the schema but is invalid in context; `field` points at the form field. */
export class ValidationError extends DomainError {
  constructor(
    code: DomainErrorCode,
    readonly field?: string,
    params: Record<string, string | number> = {},
  ) {
    super(code, params);
  }
}
