import { GraphQLError } from 'graphql';
import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import type { Logger } from 'pino';
import { ERROR_CODES, isDatabaseUnavailable } from './errors';
import type { ErrorCode } from './errors';

const VOCABULARY = new Set<string>(ERROR_CODES);

/** Apollo's own request-shape errors, all of which are the client's input. */
const APOLLO_INPUT_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

/** Query-limit rejections (graphql-armor rules and the parser's token limit), by message. */
const LIMIT_REASONS: [RegExp, string][] = [
  [/Query depth limit/i, 'QUERY_TOO_DEEP'],
  [/Aliases limit/i, 'TOO_MANY_ALIASES'],
  [/Query Cost limit/i, 'QUERY_TOO_COSTLY'],
  [/contains more th\w+ \d+ tokens/i, 'TOO_MANY_TOKENS'],
];

/**
 * Every error leaves with a code from the fixed vocabulary (DESIGN.md "Errors"). Hub errors pass
 * through; connectivity failures become SERVICE_UNAVAILABLE; everything else is masked as
 * INTERNAL_SERVER_ERROR and logged — no SQL, stack or table names reach a client in production.
 */
export function createErrorFormatter(log: Logger, production: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const code = formatted.extensions?.code as string | undefined;
    const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };

    if (isDatabaseUnavailable(original)) {
      log.warn({ err: original, path: formatted.path }, 'database unavailable');
      return { ...base, message: 'The database is unavailable; try again shortly', extensions: { code: 'SERVICE_UNAVAILABLE' } };
    }
    if (code && APOLLO_INPUT_CODES.has(code)) {
      const limit = LIMIT_REASONS.find(([re]) => re.test(formatted.message));
      return { ...base, extensions: { code: 'BAD_USER_INPUT', reason: limit ? limit[1] : code } };
    }
    if (code === 'BAD_USER_INPUT') {
      // type-graphql's ArgumentValidationError echoes the input in validationErrors: keep only names.
      const ext = { ...(formatted.extensions ?? {}) } as Record<string, unknown>;
      const validation = ext.validationErrors as { property?: string; constraints?: Record<string, string> }[] | undefined;
      delete ext.validationErrors;
      delete ext.stacktrace;
      if (validation?.length) {
        ext.field ??= validation[0]!.property;
        ext.reason ??= 'VALIDATION_FAILED';
      }
      ext.reason ??= 'INVALID_INPUT';
      return { ...base, extensions: ext };
    }
    if (code && VOCABULARY.has(code) && code !== 'INTERNAL_SERVER_ERROR' && original instanceof GraphQLError) {
      const ext = { ...(formatted.extensions ?? {}) };
      if (production) delete ext.stacktrace;
      return { ...base, extensions: ext as Record<string, unknown> & { code: ErrorCode } };
    }
    log.error({ err: original, path: formatted.path }, 'internal error');
    return {
      ...base,
      message: 'Internal server error',
      extensions: {
        code: 'INTERNAL_SERVER_ERROR',
        ...(production ? {} : { detail: original instanceof Error ? original.message : String(original) }),
      },
    };
  };
}
