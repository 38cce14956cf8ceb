import { GraphQLError } from 'graphql';

/**
 * The hub's fixed error vocabulary (DESIGN.md "Errors"). Every error a client sees carries one of
 * these in `extensions.code`; anything else is masked as INTERNAL_SERVER_ERROR by the formatter.
 */
export const ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'SERVICE_UNAVAILABLE',
  'INTERNAL_SERVER_ERROR',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export abstract class HubError extends GraphQLError {
  abstract readonly code: ErrorCode;
}

export class UnauthenticatedError extends HubError {
  readonly code = 'UNAUTHENTICATED' as const;
  constructor(message = 'Authentication required', reason?: string) {
    // `http` is read and stripped by Apollo: errors raised while building the context answer 401.
    super(message, { extensions: { code: 'UNAUTHENTICATED', ...(reason ? { reason } : {}), http: { status: 401 } } });
  }
}

/** A denied field or operation. `reason` says which rule denied it, never what the value is. */
export class ForbiddenError extends HubError {
  readonly code = 'FORBIDDEN' as const;
  constructor(message = 'Not allowed', extra: { reason?: string; [k: string]: unknown } = {}) {
    super(message, { extensions: { code: 'FORBIDDEN', ...extra } });
  }
}

/** Invalid input: names the offending argument or input field and a machine-readable reason. */
export class BadUserInputError extends HubError {
  readonly code = 'BAD_USER_INPUT' as const;
  constructor(message: string, field: string | undefined, reason: string, extra: Record<string, unknown> = {}) {
    super(message, { extensions: { code: 'BAD_USER_INPUT', ...(field ? { field } : {}), reason, ...extra } });
  }
}

export class NotFoundError extends HubError {
  readonly code = 'NOT_FOUND' as const;
  constructor(message = 'Not found') {
    super(message, { extensions: { code: 'NOT_FOUND' } });
  }
}

export class ConflictError extends HubError {
  readonly code = 'CONFLICT' as const;
  constructor(message: string, reason?: string) {
    super(message, { extensions: { code: 'CONFLICT', ...(reason ? { reason } : {}) } });
  }
}

export class RateLimitedError extends HubError {
  readonly code = 'RATE_LIMITED' as const;
  constructor(retryAfterSeconds: number) {
    super('Too many requests', { extensions: { code: 'RATE_LIMITED', retryAfterSeconds } });
  }
}

export class ServiceUnavailableError extends HubError {
  readonly code = 'SERVICE_UNAVAILABLE' as const;
  constructor(message = 'The database is unavailable; try again shortly') {
    super(message, { extensions: { code: 'SERVICE_UNAVAILABLE' } });
  }
}

const CONNECTIVITY_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
  '08000',
  '08001',
  '08003',
  '08006',
]);

/**
 * True when an error means "the database cannot be reached" (pool acquire timeout, refused or
 * dropped connection, server shutting down) — these become SERVICE_UNAVAILABLE, not 500s.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  let e: unknown = error;
  for (let depth = 0; e && depth < 6; depth++) {
    const err = e as { name?: string; code?: string; message?: string; cause?: unknown; originalError?: unknown; errors?: unknown[] };
    if (err.name === 'KnexTimeoutError' || err.name === 'ConnectionException') return true;
    if (err.code && CONNECTIVITY_CODES.has(err.code)) return true;
    const m = err.message ?? '';
    if (
      /Timeout acquiring a connection|Connection terminated|connect ECONNREFUSED|Client has encountered a connection error|timeout expired|Connection ended unexpectedly|Too many connections/i.test(
        m,
      )
    ) {
      return true;
    }
    if (Array.isArray(err.errors) && err.errors.some((x) => isDatabaseUnavailable(x))) return true;
    e = err.originalError ?? err.cause;
  }
  return false;
}
