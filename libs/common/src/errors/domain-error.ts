/**
 * Typed errors that carry their RFC 9457 problem type and HTTP status. Services throw these;
 * the global ProblemDetailsFilter renders them, so no layer builds HTTP responses by hand.
 */
export interface FieldError {
  field: string;
  message: string;
}

export const PROBLEM_BASE = 'https://dualroute.example/problems/';

export class DomainError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    readonly title: string,
    detail: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(detail);
    this.name = new.target.name;
  }

  get detail(): string {
    return this.message;
  }
}

export class NotFoundError extends DomainError {
  constructor(resource: string, id?: string) {
    super(
      404,
      'not-found',
      'Not found',
      id ? `${resource} ${id} was not found.` : `${resource} was not found.`,
    );
  }
}

export class ForbiddenError extends DomainError {
  constructor(detail = 'You are not allowed to do this.') {
    super(403, 'forbidden', 'Forbidden', detail);
  }
}

export class UnauthorizedError extends DomainError {
  constructor(detail = 'A valid credential is required.') {
    super(401, 'unauthorized', 'Unauthorized', detail);
  }
}

export class ConflictError extends DomainError {
  constructor(detail: string, type = 'conflict', extensions: Record<string, unknown> = {}) {
    super(409, type, 'Conflict', detail, extensions);
  }
}

export class VersionConflictError extends ConflictError {
  constructor(resource: string, expected: number, actual: number) {
    super(
      `${resource} is at version ${actual}, not ${expected}: reload it and apply your change again.`,
      'version-conflict',
      { currentVersion: actual },
    );
  }
}

/** 400 for malformed input (wrong shape), 422 for well-formed input that breaks a rule. */
export class ValidationError extends DomainError {
  constructor(errors: FieldError[], status: 400 | 422 = 422, detail?: string) {
    super(
      status,
      status === 400 ? 'bad-request' : 'validation-failed',
      status === 400 ? 'Bad request' : 'Validation failed',
      detail ?? errors.map((e) => `${e.field}: ${e.message}`).join('; '),
      { errors },
    );
  }
}
