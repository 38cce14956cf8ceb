import pino from 'pino';
import type { Logger } from 'pino';

/** Structured JSON logs; each request logs through a child carrying its request id. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'credit-hub' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: ['req.headers.authorization', 'authorization'], remove: true },
  });
}
