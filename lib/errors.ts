/** Errors the domain throws; the HTTP edge maps each to one status code. */
export class DomainError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** 401: no signed-in user. */
export class Unauthenticated extends DomainError {
  constructor(message = "Sign in to continue.") {
    super(message, "unauthenticated");
  }
}

/** 403: signed in, but the policy says no. */
export class Forbidden extends DomainError {
  constructor(message = "You do not have permission to do that.") {
    super(message, "forbidden");
  }
}

/** 404: absent, or outside the actor's workspaces (never tells which). */
export class NotFound extends DomainError {
  constructor(what = "Resource") {
    super(`${what} not found.`, "not_found");
  }
}

/** 409: the request is valid but clashes with the current state. */
export class Conflict extends DomainError {
  constructor(message: string) {
    super(message, "conflict");
  }
}

/** 400: input that passed parsing but breaks a rule; `fields` names the culprits. */
export class InvalidInput extends DomainError {
  constructor(
    message: string,
    readonly fields: Record<string, string[]> = {},
  ) {
    super(message, "invalid_input");
  }
}

/** 429: too many attempts; try again after `retryAfterSeconds`. */
export class TooManyRequests extends DomainError {
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many attempts. Try again in ${retryAfterSeconds} seconds.`, "too_many_requests");
  }
}

/** 409 from the submit gate: the document has problems to fix first, each with its section. */
export class SubmitBlocked extends Conflict {
  constructor(readonly problems: { sectionKey: string | null; kind: string; message: string }[]) {
    super(`This document cannot be submitted yet: ${problems.length} ${problems.length === 1 ? "problem" : "problems"} to fix.`);
  }
}

/**
 * 503: a part this request needs is missing or busy on the server; the message says what to
 * do. `retryAfterSeconds`, when set, goes out as Retry-After.
 */
export class ServiceUnavailable extends DomainError {
  constructor(
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message, "service_unavailable");
  }
}
