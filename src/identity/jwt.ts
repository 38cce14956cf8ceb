import { createRemoteJWKSet, decodeProtectedHeader, errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import type { JWTPayload } from 'jose';
import { isRole, ORG_ROLES } from '@/access/roles';
import type { Role } from '@/access/roles';
import { UnauthenticatedError } from '@/shared/errors';

export interface TokenClaims {
  sub: string;
  role: Exclude<Role, 'PUBLIC'>;
  org: string | null;
  exp?: number;
}

export interface TokenVerifierOptions {
  hsSecret: string;
  jwksUrl?: string | null;
  /** Accepted clock skew in seconds. */
  clockToleranceSec?: number;
}

const MAX_CACHE = 10_000;

/**
 * Verifies `Authorization: Bearer` tokens: HS256 with HUB_JWT_SECRET, RS256/ES256 against the
 * identity provider's JWKS (HUB_JWKS_URL). A bad, expired or wrongly signed token is an
 * UNAUTHENTICATED error — never a silent downgrade to PUBLIC (DESIGN.md "Who uses it").
 */
export class TokenVerifier {
  private readonly key: Uint8Array;
  private readonly jwks: ReturnType<typeof createRemoteJWKSet> | null;
  /** Verified tokens until they expire: bank systems resend one token on every request. */
  private readonly cache = new Map<string, TokenClaims>();

  constructor(private readonly opts: TokenVerifierOptions) {
    this.key = new TextEncoder().encode(opts.hsSecret);
    this.jwks = opts.jwksUrl ? createRemoteJWKSet(new URL(opts.jwksUrl)) : null;
  }

  async verify(token: string): Promise<TokenClaims> {
    const cached = this.cache.get(token);
    if (cached && (cached.exp === undefined || cached.exp * 1000 > Date.now())) return cached;
    if (cached) this.cache.delete(token);

    let payload: JWTPayload;
    try {
      const { alg } = decodeProtectedHeader(token);
      if (alg === 'HS256') {
        ({ payload } = await jwtVerify(token, this.key, {
          algorithms: ['HS256'],
          clockTolerance: this.opts.clockToleranceSec ?? 5,
        }));
      } else if (alg === 'RS256' || alg === 'ES256') {
        if (!this.jwks) throw new UnauthenticatedError(`Tokens signed with ${alg} need HUB_JWKS_URL`, 'UNSUPPORTED_ALGORITHM');
        ({ payload } = await jwtVerify(token, this.jwks, {
          algorithms: ['RS256', 'ES256'],
          clockTolerance: this.opts.clockToleranceSec ?? 5,
        }));
      } else {
        throw new UnauthenticatedError(`Token algorithm ${String(alg)} is not accepted`, 'UNSUPPORTED_ALGORITHM');
      }
    } catch (e) {
      if (e instanceof UnauthenticatedError) throw e;
      if (e instanceof joseErrors.JWTExpired) throw new UnauthenticatedError('Token expired', 'TOKEN_EXPIRED');
      throw new UnauthenticatedError('Invalid token', 'INVALID_TOKEN');
    }
    const claims = toClaims(payload);
    if (this.cache.size >= MAX_CACHE) this.cache.clear();
    this.cache.set(token, claims);
    return claims;
  }
}

function toClaims(p: JWTPayload): TokenClaims {
  const role = p.role;
  if (!isRole(role) || role === 'PUBLIC') throw new UnauthenticatedError('Token has no valid role claim', 'INVALID_CLAIMS');
  if (typeof p.sub !== 'string' || !p.sub) throw new UnauthenticatedError('Token has no sub claim', 'INVALID_CLAIMS');
  const org = typeof p.org === 'string' && p.org ? p.org : null;
  if (ORG_ROLES.has(role) && !org) throw new UnauthenticatedError(`A ${role} token needs an org claim`, 'INVALID_CLAIMS');
  return { sub: p.sub, role, org, exp: p.exp };
}

/** Mints an HS256 token (development and tests; `npm run token`). */
export async function signDevToken(
  secret: string,
  claims: { sub?: string; role: Role; org?: string | null },
  expiresIn: string | number = '8h',
): Promise<string> {
  return new SignJWT({ role: claims.role, ...(claims.org ? { org: claims.org } : {}) })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.sub ?? `${claims.role.toLowerCase()}:${claims.org ?? 'user'}`)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(new TextEncoder().encode(secret));
}
