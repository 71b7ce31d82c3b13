/** A field-level problem with the input, as shown to API clients. */
export interface FieldIssue {
  path: string;
  message: string;
}

/**
 * Errors the domain raises. They carry a stable machine `code`; the HTTP layer maps each
 * class to a status in one place (http/errors.ts), so domain code knows nothing of HTTP.
 */
export abstract class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFoundError extends DomainError {
  constructor(what: string) {
    super('not_found', `${what} was not found.`);
  }
}

export class ConflictError extends DomainError {}

export class ForbiddenError extends DomainError {}

export class InvalidInputError extends DomainError {
  constructor(
    message: string,
    readonly fields: FieldIssue[] = [],
    code = 'validation_failed',
  ) {
    super(code, message);
  }
}
