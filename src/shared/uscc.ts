/**
 * Unified social credit code (统一社会信用代码, USCC), GB 32100-2015.
 *
 * 18 characters: 1 登记管理部门代码, 2 机构类别代码, 3–8 登记管理机关行政区划码 (GB/T 2260),
 * 9–17 主体标识码 (the GB 11714 organization code, its own check character at position 17),
 * 18 校验码 (mod 31). GB 32100-2015 §4.
 */

/** Format only; the check character is verified separately. GB 32100-2015 §4 (no I, O, Z, S, V). */
export const USCC_FORMAT = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

/** The 31 code characters, worth 0–30 in this order. GB 32100-2015 (DOMAIN.md §1.2). */
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** W_i = 3^(i-1) mod 31, i = 1..17. GB 32100-2015 (DOMAIN.md §1.2). */
const USCC_WEIGHTS: readonly number[] = Array.from({ length: 17 }, (_, i) => {
  let w = 1;
  for (let k = 0; k < i; k++) w = (w * 3) % 31;
  return w;
});

/** Char code → value in USCC_CHARSET, or -1. Covers ASCII only; anything else is -1. */
const USCC_VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < USCC_CHARSET.length; i++) USCC_VALUE[USCC_CHARSET.charCodeAt(i)] = i;

/** Value of one USCC character, or -1 when it is not in the charset. */
export function usccCharValue(ch: string): number {
  const c = ch.charCodeAt(0);
  return c < 128 ? USCC_VALUE[c] : -1;
}

/**
 * Check character (position 18) for the first 17 characters: C18 = (31 − Σ C_i·W_i mod 31) mod 31,
 * mapped back through the charset. GB 32100-2015 (DOMAIN.md §1.2).
 * @throws RangeError when the input is not 17 charset characters.
 */
export function usccCheckChar(first17: string): string {
  if (first17.length !== 17) throw new RangeError('usccCheckChar expects 17 characters');
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const c = first17.charCodeAt(i);
    const v = c < 128 ? USCC_VALUE[c] : -1;
    if (v < 0) throw new RangeError(`'${first17[i]}' is not a USCC character`);
    sum += v * USCC_WEIGHTS[i];
  }
  return USCC_CHARSET[(31 - (sum % 31)) % 31];
}

export type UsccVerdict = 'OK' | 'INVALID_USCC_FORMAT' | 'INVALID_USCC_CHECKSUM';

/**
 * Verdict for a code exactly as given: no trimming and no upper-casing, so lower case is a format
 * error. A format-valid code whose check character differs is INVALID_USCC_CHECKSUM; some early
 * pilot codes are legal yet fail here, so ingestion from authoritative sources should flag rather
 * than reject them (DOMAIN.md §1.4).
 */
export function checkUscc(code: string): UsccVerdict {
  if (!USCC_FORMAT.test(code)) return 'INVALID_USCC_FORMAT';
  return usccCheckChar(code.slice(0, 17)) === code[17] ? 'OK' : 'INVALID_USCC_CHECKSUM';
}

/** GB 11714-1997 organization code weights for the 8 body characters. */
const ORG_WEIGHTS: readonly number[] = [3, 7, 9, 10, 5, 8, 4, 2];

/** GB 11714 character value: 0–9, then A=10 … Z=35 (all letters, including I/O/S/V/Z). */
function orgCharValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 90) return c - 55;
  return -1;
}

/**
 * Check character of a GB 11714 organization code (USCC position 17): 11 − (Σ C_i·W_i mod 11),
 * 10 → 'X', 11 → '0'. GB 11714-1997 (DOMAIN.md §1.3).
 * @throws RangeError when the input is not 8 digits / upper-case letters.
 */
export function orgCodeCheckChar(first8: string): string {
  if (first8.length !== 8) throw new RangeError('orgCodeCheckChar expects 8 characters');
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const v = orgCharValue(first8.charCodeAt(i));
    if (v < 0) throw new RangeError(`'${first8[i]}' is not an organization code character`);
    sum += v * ORG_WEIGHTS[i];
  }
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : '0123456789'[c];
}

/**
 * Builds a valid USCC: positions 1–2 `registrationPrefix` (e.g. '91' 工商·企业), 3–8 `region`
 * (GB/T 2260), 9–16 `orgBody8`, 17 its GB 11714 check character (always a digit or 'X', both in
 * the USCC charset) and 18 the GB 32100-2015 check character.
 * @throws RangeError on malformed parts.
 */
export function makeUscc(registrationPrefix: string, region: string, orgBody8: string): string {
  if (registrationPrefix.length !== 2)
    throw new RangeError('registrationPrefix must be 2 characters');
  if (region.length !== 6) throw new RangeError('region must be 6 digits');
  for (let i = 0; i < 6; i++) {
    const c = region.charCodeAt(i);
    if (c < 48 || c > 57) throw new RangeError('region must be 6 digits');
  }
  if (orgBody8.length !== 8) throw new RangeError('orgBody8 must be 8 characters');
  // usccCheckChar rejects any prefix or body character outside the USCC charset.
  const first17 = registrationPrefix + region + orgBody8 + orgCodeCheckChar(orgBody8);
  return first17 + usccCheckChar(first17);
}
