import {
  ENTERPRISE_NAME_TABLES,
  MAX_ENTERPRISE_INDEX,
  makeEnterpriseRow,
  type EnterpriseSeedRow,
} from '@/modules/enterprise/enterprise.factory';
import { INDUSTRY_SECTIONS, isIndustrySection } from '@/modules/enterprise/industries';
import { DEMO_ORGANIZATIONS } from '@/modules/organization/organizations.demo';
import { isValidIdCard } from '@/shared/id-card';
import { createRng } from '@/shared/random';
import { checkUscc } from '@/shared/uscc';

const N = 20_000;

function generate(seed: number, n: number, from = 0): EnterpriseSeedRow[] {
  const rng = createRng(seed);
  const rows: EnterpriseSeedRow[] = [];
  for (let i = from; i < from + n; i++) rows.push(makeEnterpriseRow(rng, i));
  return rows;
}

describe('enterprise factory', () => {
  const rows = generate(20240601, N);

  /** '<uscc>: <reason>' for each row `bad` objects to; one expect per rule keeps the test fast. */
  function violations(bad: (r: EnterpriseSeedRow) => string | false): string[] {
    const out: string[] = [];
    for (const r of rows) {
      const why = bad(r);
      if (why !== false) out.push(`${r.uscc}: ${why}`);
    }
    return out;
  }

  it('gives every row a USCC that passes GB 32100-2015, in the district', () => {
    expect(
      violations((r) => {
        if (checkUscc(r.uscc) !== 'OK') return checkUscc(r.uscc);
        if (r.uscc.slice(2, 8) !== '310116') return 'region';
        return !['91', '92', '93'].includes(r.uscc.slice(0, 2)) && 'prefix';
      }),
    ).toEqual([]);
  });

  it('gives unique USCCs and unique names', () => {
    expect(new Set(rows.map((r) => r.uscc)).size).toBe(N);
    expect(new Set(rows.map((r) => r.name)).size).toBe(N);
  });

  it('gives legal representatives valid ID numbers born 1960–2000 and mainland mobiles', () => {
    expect(
      violations((r) => {
        const id = r.legalRepresentativeIdNumber;
        if (!isValidIdCard(id)) return `id ${id}`;
        const year = Number(id.slice(6, 10));
        if (year < 1960 || year > 2000) return `born ${year}`;
        if (!/^1[35789]\d{9}$/.test(r.legalRepresentativePhone)) return 'phone';
        return !/^[\u4e00-\u9fff]{2,3}$/.test(r.legalRepresentativeName) && 'person name';
      }),
    ).toEqual([]);
    const female = rows.filter((r) => Number(r.legalRepresentativeIdNumber[16]) % 2 === 0).length;
    expect(female / N).toBeGreaterThan(0.2);
    expect(female / N).toBeLessThan(0.4);
  });

  it('fills the other fields in range', () => {
    expect(
      violations((r) => {
        if (!isIndustrySection(r.industryCode)) return 'industry';
        if (r.districtCode !== '310116') return 'district';
        if (!/^\d{4}-\d{2}-\d{2}$/.test(r.establishedOn)) return 'date format';
        if (r.establishedOn < '1995-01-01' || r.establishedOn > '2025-12-31') return 'date range';
        if (!/^[1-9]\d*\.\d{2}$/.test(r.registeredCapital)) return 'capital';
        if (!/^上海市金山区.+\d+号(\d+幢)?$/.test(r.address)) return 'address';
        if (r.uscc.startsWith('92') && !r.name.startsWith('金山区')) return '92 name';
        if (r.uscc.startsWith('93') && !(r.name.endsWith('专业合作社') && r.industryCode === 'A')) {
          return '93 name';
        }
        return (
          r.uscc.startsWith('91') &&
          !/^上海.+(公司|合伙企业（有限合伙）)$/.test(r.name) &&
          '91 name'
        );
      }),
    ).toEqual([]);
    const statuses = new Map<string, number>();
    for (const r of rows) statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
    const active = (statuses.get('ACTIVE') ?? 0) / N;
    expect(active).toBeGreaterThan(0.9);
    expect(active).toBeLessThan(0.94);
    for (const s of ['REVOKED', 'CANCELLED', 'MOVED_OUT'])
      expect(statuses.get(s)).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r.industryCode)).size).toBeGreaterThanOrEqual(15);
  });

  it('is deterministic for the same seed and varies with the seed', () => {
    expect(generate(20240601, 500)).toEqual(rows.slice(0, 500));
    const other = generate(7, 500);
    expect(other.map((r) => r.legalRepresentativeIdNumber)).not.toEqual(
      rows.slice(0, 500).map((r) => r.legalRepresentativeIdNumber),
    );
  });

  it('stays unique far into the index range', () => {
    const starts = [1_000_000, 19_990_000, MAX_ENTERPRISE_INDEX - 5_000];
    const all = starts.flatMap((s) => generate(s, 5_000, s));
    const usccs = new Set([...rows, ...all].map((r) => r.uscc));
    const names = new Set([...rows, ...all].map((r) => r.name));
    expect(usccs.size).toBe(N + all.length);
    expect(names.size).toBe(N + all.length);
    for (const r of all) expect(checkUscc(r.uscc)).toBe('OK');
    expect(() => makeEnterpriseRow(createRng(1), MAX_ENTERPRISE_INDEX)).toThrow(RangeError);
    expect(() => makeEnterpriseRow(createRng(1), -1)).toThrow(RangeError);
  });

  it('uses another district when asked', () => {
    const r = makeEnterpriseRow(createRng(3), 12, '310117');
    expect(r.uscc.slice(2, 8)).toBe('310117');
    expect(checkUscc(r.uscc)).toBe('OK');
    expect(r.address.startsWith('上海市松江区')).toBe(true);
  });

  it('has name tables that make distinct trade names give distinct names', () => {
    const { brands, townShorts, industryWords, individualWords, cooperativeWords } =
      ENTERPRISE_NAME_TABLES;
    const units = [...brands, ...townShorts];
    expect(brands.length).toBeGreaterThanOrEqual(200);
    expect(new Set(units).size).toBe(units.length);
    for (const u of units) expect(u).toMatch(/^[\u4e00-\u9fff]{2}$/);
    const words = [
      ...Object.values(industryWords).flat(),
      ...Object.values(individualWords).flat(),
      ...cooperativeWords,
    ];
    for (const w of words) {
      expect(w.length).toBeGreaterThanOrEqual(2);
      expect(units).not.toContain(w.slice(0, 2));
    }
    for (const s of INDUSTRY_SECTIONS) expect(industryWords[s.code]?.length).toBeGreaterThan(0);
  });
});

describe('industry sections (GB/T 4754-2017)', () => {
  it('lists A–T', () => {
    expect(INDUSTRY_SECTIONS.map((s) => s.code).join('')).toBe('ABCDEFGHIJKLMNOPQRST');
    expect(isIndustrySection('C')).toBe(true);
    expect(isIndustrySection('U')).toBe(false);
    expect(isIndustrySection('c')).toBe(false);
    expect(isIndustrySection('')).toBe(false);
  });
});

describe('demo organizations', () => {
  it('have unique codes and valid, unique USCCs', () => {
    const codes = DEMO_ORGANIZATIONS.map((o) => o.code);
    expect(new Set(codes).size).toBe(codes.length);
    const usccs = DEMO_ORGANIZATIONS.map((o) => o.uscc);
    expect(new Set(usccs).size).toBe(usccs.length);
    for (const o of DEMO_ORGANIZATIONS) {
      expect(o.uscc).not.toBeNull();
      expect(checkUscc(o.uscc as string)).toBe('OK');
      expect(o.code).toMatch(/^[A-Z0-9]+(-[A-Z0-9]+)*$/);
    }
  });

  it('include at least 12 departments with a domain, and the required counterparties', () => {
    const departments = DEMO_ORGANIZATIONS.filter((o) => o.kind === 'DEPARTMENT');
    expect(departments.length).toBeGreaterThanOrEqual(12);
    for (const d of departments) {
      expect(d.domain).toBeTruthy();
      expect(d.uscc?.slice(0, 8)).toBe('11310116');
    }
    expect(new Set(departments.map((d) => d.domain)).size).toBe(departments.length);
    const byCode = new Map(DEMO_ORGANIZATIONS.map((o) => [o.code, o]));
    for (const c of ['BANK-ICBC-JS', 'BANK-SRCB-JS', 'BANK-SPDB-JS']) {
      expect(byCode.get(c)?.kind).toBe('BANK');
    }
    expect(byCode.get('GUAR-SHFUND')?.kind).toBe('GUARANTOR');
    expect(byCode.get('AGENCY-CREDIT-1')?.kind).toBe('CREDIT_AGENCY');
    for (const o of DEMO_ORGANIZATIONS) if (o.kind !== 'DEPARTMENT') expect(o.domain).toBeNull();
  });
});
