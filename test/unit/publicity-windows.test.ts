import {
  isPubliclyVisible,
  PUBLICITY_RULES,
  publicityStatus,
  publicityWindow,
  repairAllowed,
  ruleSetAt,
} from '@/config/publicity-rules';
import type { RuleVersion, Severity } from '@/config/publicity-rules';
import { addDays, addMonths } from '@/shared/dates';

/**
 * Publicity windows (DOMAIN.md §3): 3 severities × 2 rule versions, each checked the day before,
 * the day of and the day after both boundaries. The window is [decisionDate, publicityEndDate):
 * the end date itself is already outside; a repair may be applied for from earliestRepairDate on.
 */

interface Row {
  version: RuleVersion;
  severity: Severity;
  decision: string;
  earliestRepair: string;
  end: string;
}

// Hand-computed: decision + min months / + max months.
const TABLE: Row[] = [
  // 58号令 (2023): MINOR is not a class there and is treated as GENERAL (3 months / 1 year).
  { version: 'RULES_2023', severity: 'MINOR', decision: '2025-06-15', earliestRepair: '2025-09-15', end: '2026-06-15' },
  { version: 'RULES_2023', severity: 'GENERAL', decision: '2025-06-15', earliestRepair: '2025-09-15', end: '2026-06-15' },
  { version: 'RULES_2023', severity: 'SERIOUS', decision: '2025-06-15', earliestRepair: '2026-06-15', end: '2028-06-15' },
  // 36号令 (2026): MINOR 0 / 3 months, GENERAL 3 months / 1 year, SERIOUS 1 / 3 years.
  { version: 'RULES_2026', severity: 'MINOR', decision: '2026-04-01', earliestRepair: '2026-04-01', end: '2026-07-01' },
  { version: 'RULES_2026', severity: 'GENERAL', decision: '2026-05-20', earliestRepair: '2026-08-20', end: '2027-05-20' },
  { version: 'RULES_2026', severity: 'SERIOUS', decision: '2026-05-20', earliestRepair: '2027-05-20', end: '2029-05-20' },
];

describe('publicity windows by rule version and severity', () => {
  it('covers 3 severities × 2 rule versions', () => {
    expect(new Set(TABLE.map((r) => `${r.version}/${r.severity}`)).size).toBe(6);
    expect(PUBLICITY_RULES.map((r) => r.version)).toEqual(['RULES_2023', 'RULES_2026']);
  });

  describe.each(TABLE)('$version $severity decided $decision', (row) => {
    const w = publicityWindow('ADMINISTRATIVE_PENALTY', row.severity, row.decision);
    const visibleOn = (day: string) => isPubliclyVisible(publicityStatus(w, false, day));

    it('uses the rule version in force at the decision date', () => {
      expect(w.ruleVersion).toBe(row.version);
      expect(w.publication).toBe('WINDOW');
    });

    it('computes both boundary dates', () => {
      expect(w.earliestRepairDate).toBe(row.earliestRepair);
      expect(w.publicityEndDate).toBe(row.end);
    });

    it.each([
      ['the day before the end', -1, true],
      ['the end date', 0, false],
      ['the day after the end', 1, false],
    ])('is publicly visible on %s: %s', (_label, offset, expected) => {
      expect(visibleOn(addDays(row.end, offset as number))).toBe(expected);
      expect(publicityStatus(w, false, addDays(row.end, offset as number))).toBe(expected ? 'IN_WINDOW' : 'EXPIRED');
    });

    it.each([
      ['the day before the earliest repair date', -1, false],
      ['the earliest repair date', 0, true],
      ['the day after', 1, true],
    ])('allows a repair application on %s: %s', (_label, offset, expected) => {
      expect(repairAllowed(w, addDays(row.earliestRepair, offset as number))).toBe(expected);
    });

    it('is visible on the decision date itself and never after a repair', () => {
      expect(visibleOn(row.decision)).toBe(true);
      expect(publicityStatus(w, true, row.decision)).toBe('REPAIRED');
    });
  });
});

describe('rule version boundaries', () => {
  it.each([
    ['2026-03-31', 'RULES_2023'],
    ['2026-04-01', 'RULES_2026'],
    ['2026-04-02', 'RULES_2026'],
    ['2021-01-01', 'RULES_2023'],
  ])('a decision on %s is governed by %s', (date, version) => {
    expect(ruleSetAt(date).version).toBe(version);
  });

  it('a MINOR penalty decided the day before 2026-04-01 keeps the 2023 period (1 year, not 3 months)', () => {
    expect(publicityWindow('ADMINISTRATIVE_PENALTY', 'MINOR', '2026-03-31').publicityEndDate).toBe('2027-03-31');
    expect(publicityWindow('ADMINISTRATIVE_PENALTY', 'MINOR', '2026-04-01').publicityEndDate).toBe('2026-07-01');
  });
});

describe('kinds and special cases', () => {
  it('licences and honours are always public; criminal judgments never', () => {
    expect(publicityStatus(publicityWindow('ADMINISTRATIVE_LICENCE', null, '2020-01-01'), false, '2030-01-01')).toBe('PUBLISHED');
    expect(publicityStatus(publicityWindow('HONOUR', null, '2020-01-01'), false, '2030-01-01')).toBe('PUBLISHED');
    expect(publicityStatus(publicityWindow('CRIMINAL_JUDGMENT', null, '2026-05-01'), false, '2026-05-02')).toBe('NOT_PUBLISHED');
  });

  it('a summary-procedure (简易程序) penalty is not published', () => {
    const w = publicityWindow('ADMINISTRATIVE_PENALTY', 'MINOR', '2026-05-01', true);
    expect(w.publication).toBe('NEVER');
    expect(publicityStatus(w, false, '2026-05-02')).toBe('NOT_PUBLISHED');
  });

  it('a window kind without severity is refused', () => {
    expect(() => publicityWindow('ADMINISTRATIVE_PENALTY', null, '2026-05-01')).toThrow(RangeError);
  });

  it('month arithmetic clamps to the month end (民法典 art. 202)', () => {
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2027-11-30', 3)).toBe('2028-02-29');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-05-20', 36)).toBe('2029-05-20');
  });
});
