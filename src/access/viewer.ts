import type { Purpose, Role } from './roles';

/** Who is asking: built once per request from the verified token (or PUBLIC without one). */
export interface Viewer {
  readonly role: Role;
  /** JWT `sub`; 'anonymous' for PUBLIC. */
  readonly subject: string;
  /** Organization code (an ENTERPRISE's is its USCC); null for PUBLIC, ANALYST, PLATFORM_ADMIN without one. */
  readonly org: string | null;
  /** The purpose the request declared (header `X-Hub-Purpose`), bound against consents. */
  readonly purpose: Purpose | null;
}

export const PUBLIC_VIEWER: Viewer = Object.freeze({
  role: 'PUBLIC',
  subject: 'anonymous',
  org: null,
  purpose: null,
});
