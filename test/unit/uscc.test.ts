import * as fs from 'node:fs';
import * as path from 'node:path';
import { USCC_FORMAT, checkUscc, makeUscc, orgCodeCheckChar, usccCheckChar } from '@/shared/uscc';

function vectorsFile(): string {
  const dir = process.env.HUB_SHARED_DIR;
  if (dir && fs.existsSync(path.join(dir, 'uscc-vectors.txt'))) {
    return path.join(dir, 'uscc-vectors.txt');
  }
  return path.resolve(__dirname, '../../../shared/uscc-vectors.txt');
}

interface Vector {
  kind: 'VALID' | 'LEGACY' | 'INVALID';
  code: string;
  note: string;
}

const vectors: Vector[] = fs
  .readFileSync(vectorsFile(), 'utf8')
  .split(/\r?\n/)
  .filter((line) => line.trim() !== '' && !line.startsWith('#'))
  .map((line) => {
    const [kind, code, note = ''] = line.split('\t');
    if (kind !== 'VALID' && kind !== 'LEGACY' && kind !== 'INVALID') {
      throw new Error(`unknown vector kind in line: ${line}`);
    }
    return { kind, code, note };
  });

describe('USCC (GB 32100-2015)', () => {
  it('reads all the shared vectors', () => {
    expect(vectors.filter((v) => v.kind === 'VALID').length).toBeGreaterThanOrEqual(10);
    expect(vectors.filter((v) => v.kind === 'LEGACY').length).toBeGreaterThanOrEqual(2);
    expect(vectors.filter((v) => v.kind === 'INVALID').length).toBeGreaterThanOrEqual(10);
  });

  it.each(vectors.filter((v) => v.kind === 'VALID').map((v) => [v.code, v.note]))(
    'VALID %s (%s) is OK',
    (code) => {
      expect(checkUscc(code)).toBe('OK');
      // GB 11714: the embedded org code (positions 9–17) checks too (DOMAIN.md §1.3).
      expect(orgCodeCheckChar(code.slice(8, 16))).toBe(code[16]);
    },
  );

  it.each(vectors.filter((v) => v.kind === 'LEGACY').map((v) => [v.code, v.note]))(
    'LEGACY %s (%s) is well-formed but fails the check character',
    (code, note) => {
      expect(USCC_FORMAT.test(code)).toBe(true);
      expect(checkUscc(code)).toBe('INVALID_USCC_CHECKSUM');
      const computed = /computes to (\S)/.exec(note)?.[1];
      expect(computed).toBeDefined();
      expect(usccCheckChar(code.slice(0, 17))).toBe(computed);
    },
  );

  it.each(vectors.filter((v) => v.kind === 'INVALID').map((v) => [v.code, v.note]))(
    'INVALID %s (%s) is rejected with its reason',
    (code, note) => {
      const wrongCheck = /check character wrong/.exec(note) !== null;
      expect(checkUscc(code)).toBe(wrongCheck ? 'INVALID_USCC_CHECKSUM' : 'INVALID_USCC_FORMAT');
      if (wrongCheck) {
        const should = /should be (\S)\)/.exec(note)?.[1];
        expect(should).toBeDefined();
        expect(usccCheckChar(code.slice(0, 17))).toBe(should);
      }
    },
  );

  it("the standard's worked example 91350100M000100Y43 is OK", () => {
    expect(usccCheckChar('91350100M000100Y4')).toBe('3');
    expect(checkUscc('91350100M000100Y43')).toBe('OK');
    expect(checkUscc('91350100M000100Y4Z')).toBe('INVALID_USCC_FORMAT');
  });

  it('does not trim or upper-case', () => {
    expect(checkUscc(' 91350100M000100Y43')).toBe('INVALID_USCC_FORMAT');
    expect(checkUscc('91350100M000100Y43 ')).toBe('INVALID_USCC_FORMAT');
    expect(checkUscc('91350100m000100y43')).toBe('INVALID_USCC_FORMAT');
    expect(checkUscc('')).toBe('INVALID_USCC_FORMAT');
  });

  it('rejects every single-character substitution of a valid code', () => {
    const code = '91330100716105852F';
    const charset = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    for (let i = 0; i < 18; i++) {
      for (const ch of charset) {
        if (ch === code[i] || (i >= 2 && i < 8 && !/\d/.test(ch))) continue;
        const mutated = code.slice(0, i) + ch + code.slice(i + 1);
        expect(checkUscc(mutated)).toBe('INVALID_USCC_CHECKSUM');
      }
    }
  });

  it('GB 11714 org check maps 10 to X and 11 to 0', () => {
    // 9144030071526726XG: body 71526726 → X; 91310000132260250X: body 13226025 → 0.
    expect(orgCodeCheckChar('71526726')).toBe('X');
    expect(orgCodeCheckChar('13226025')).toBe('0');
    expect(() => orgCodeCheckChar('1322602')).toThrow(RangeError);
    expect(() => orgCodeCheckChar('1322602a')).toThrow(RangeError);
  });

  it('makeUscc builds codes that pass both checks', () => {
    const bodies = ['MA1G4L1W', '00000000', 'YYYYYYYY', '13226025', 'MB188684', 'X0710131'];
    for (const prefix of ['91', '92', '93', '11', '12', 'N1', 'Y1']) {
      for (const body of bodies) {
        const code = makeUscc(prefix, '310116', body);
        expect(code).toHaveLength(18);
        expect(code.slice(0, 16)).toBe(prefix + '310116' + body);
        expect(checkUscc(code)).toBe('OK');
        expect(orgCodeCheckChar(body)).toBe(code[16]);
      }
    }
    expect(makeUscc('11', '320100', 'MB188684')).toBe('11320100MB1886843H');
    expect(makeUscc('91', '330100', '71610585')).toBe('91330100716105852F');
  });

  it('makeUscc rejects malformed parts', () => {
    expect(() => makeUscc('9', '310116', 'MA1G4L1W')).toThrow(RangeError);
    expect(() => makeUscc('9I', '310116', 'MA1G4L1W')).toThrow(RangeError);
    expect(() => makeUscc('91', '31011A', 'MA1G4L1W')).toThrow(RangeError);
    expect(() => makeUscc('91', '310116', 'MA1G4L1')).toThrow(RangeError);
    expect(() => makeUscc('91', '310116', 'MA1G4L1O')).toThrow(RangeError);
  });
});
