import { resolve } from 'node:path';

/**
 * The hub's environment contract (DESIGN.md "Configuration"). Parsed once at start; a
 * misconfiguration fails here with one line naming the variable, never later.
 */
export interface HubConfig {
  port: number;
  production: boolean;
  /** Unset → embedded PGlite in `dataDir`. */
  databaseUrl: string | null;
  dataDir: string;
  jwtSecret: string;
  /** True when the fixed development secret is in use (printed at start). */
  jwtSecretIsDevDefault: boolean;
  jwksUrl: string | null;
  /** `statement_timeout` for every pooled connection, in ms. */
  statementTimeoutMs: number;
  /** How long a request waits for a pool connection (and a TCP connect) before SERVICE_UNAVAILABLE. */
  dbAcquireTimeoutMs: number;
  poolMax: number;
  logLevel: string;
  /** Load the demo data set into an empty database on first start. */
  seedDemo: boolean;
  /** LISTEN for events committed by other hub instances (off on the embedded database: one connection). */
  listenForEvents: boolean;
  /** Webhook delivery: first retry delay (doubling), claim lease, safety-net poll, attempts before FAILED. */
  webhooks: { dispatch: boolean; retryBaseMs: number; leaseMs: number; pollMs: number; maxAttempts: number };
  /** Query limits enforced before execution (see QUERY_LIMITS in src/server.ts for the reasoning). */
  limits: { depth: number; cost: number; aliases: number; tokens: number; bodyBytes: number };
}

export class ConfigError extends Error {
  constructor(variable: string, problem: string) {
    super(`Configuration error: ${variable} ${problem}`);
    this.name = 'ConfigError';
  }
}

/** Clearly labelled so nobody mistakes it for a real secret. */
export const DEV_JWT_SECRET = 'credit-hub-DEVELOPMENT-ONLY-secret-do-not-use-in-production';

function int(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number) {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new ConfigError(name, `must be an integer between ${min} and ${max} (got "${raw}")`);
  }
  return n;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): HubConfig {
  const production = env.NODE_ENV === 'production';
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  if (databaseUrl) {
    let url: URL;
    try {
      url = new URL(databaseUrl);
    } catch {
      throw new ConfigError('DATABASE_URL', 'is not a valid URL');
    }
    if (!/^postgres(ql)?:$/.test(url.protocol)) {
      throw new ConfigError('DATABASE_URL', 'must be a postgres:// or postgresql:// URL');
    }
  }
  const secret = env.HUB_JWT_SECRET?.trim() || '';
  if (production && !secret) throw new ConfigError('HUB_JWT_SECRET', 'is required in production');
  if (secret && secret.length < 32) {
    throw new ConfigError('HUB_JWT_SECRET', 'must be at least 32 characters (HS256 key strength)');
  }
  const jwksUrl = env.HUB_JWKS_URL?.trim() || null;
  if (jwksUrl) {
    try {
      new URL(jwksUrl);
    } catch {
      throw new ConfigError('HUB_JWKS_URL', 'is not a valid URL');
    }
  }
  if (production && !databaseUrl) {
    throw new ConfigError('DATABASE_URL', 'is required in production (the embedded database is for development)');
  }
  return {
    port: int(env, 'PORT', 4000, 0, 65535),
    production,
    databaseUrl,
    dataDir: resolve(env.HUB_DATA_DIR?.trim() || './data'),
    jwtSecret: secret || DEV_JWT_SECRET,
    jwtSecretIsDevDefault: !secret,
    jwksUrl,
    statementTimeoutMs: int(env, 'HUB_STATEMENT_TIMEOUT_MS', 5000, 100, 600000),
    dbAcquireTimeoutMs: int(env, 'HUB_DB_ACQUIRE_TIMEOUT_MS', 2000, 100, 60000),
    poolMax: int(env, 'HUB_DB_POOL_MAX', 10, 1, 200),
    logLevel: env.HUB_LOG_LEVEL?.trim() || (env.NODE_ENV === 'test' ? 'silent' : 'info'),
    seedDemo: env.HUB_SEED_DEMO !== 'false',
    listenForEvents: env.HUB_EVENTS_LISTEN !== 'false',
    webhooks: {
      // An instance can leave delivery to others (HUB_WEBHOOK_DISPATCH=false); any instance that
      // dispatches shares the work with the rest through row leases.
      dispatch: env.HUB_WEBHOOK_DISPATCH !== 'false',
      retryBaseMs: int(env, 'HUB_WEBHOOK_RETRY_BASE_MS', 2000, 10, 3_600_000),
      leaseMs: int(env, 'HUB_WEBHOOK_LEASE_MS', 30_000, 100, 3_600_000),
      pollMs: int(env, 'HUB_WEBHOOK_POLL_MS', 2000, 10, 600_000),
      maxAttempts: int(env, 'HUB_WEBHOOK_MAX_ATTEMPTS', 12, 1, 100),
    },
    limits: {
      depth: int(env, 'HUB_MAX_DEPTH', 8, 2, 50),
      // Costed with the page sizes asked for (src/http/query-cost.ts): a regulator's page of 100
      // enterprises with 10 records each (~60,000) passes, 100 × 100 records (~600,000) does not.
      cost: int(env, 'HUB_MAX_COST', 100_000, 10, 10_000_000),
      aliases: int(env, 'HUB_MAX_ALIASES', 15, 0, 1000),
      tokens: int(env, 'HUB_MAX_TOKENS', 1000, 50, 100_000),
      bodyBytes: int(env, 'HUB_MAX_BODY_BYTES', 2 * 1024 * 1024, 1024, 64 * 1024 * 1024),
    },
  };
}
