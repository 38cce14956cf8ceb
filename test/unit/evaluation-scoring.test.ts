import { EVALUATION_RULES } from '@/config/evaluation-rules';
import { computeEvaluation, monthsBetween } from '@/modules/evaluation/evaluation.scoring';
import type { EvaluationInputs, EvaluationRecordInput } from '@/modules/evaluation/evaluation.scoring';

/**
 * The public credit evaluation (公共信用综合评价) as a pure function of the data, the day and the
 * configured rules (src/config/evaluation-rules.ts — the district's stand-ins for GB/T 45255-2025,
 * whose figures are not public). Expected figures are worked out by hand from that config.
 */
const TODAY = '2026-11-26';
const R = EVALUATION_RULES;

let n = 0;
function rec(kind: string, decisionDate: string, extra: Partial<EvaluationRecordInput> = {}): EvaluationRecordInput {
  n += 1;
  return {
    recordId: `00000000-0000-0000-0000-${String(n).padStart(12, '0')}`,
    kind,
    severity: 'GENERAL',
    decisionDate,
    summaryProcedure: false,
    publicityEndDate: null,
    repaired: false,
    disputed: false,
    removedOn: null,
    ...extra,
  };
}

const clean: EvaluationInputs = { records: [], financing: [] };
const sumOfFactors = (r: ReturnType<typeof computeEvaluation>) => r.factors.reduce((s, f) => s + f.points, 0);

describe('computeEvaluation', () => {
  it('a clean enterprise scores the base and has no factors', () => {
    const r = computeEvaluation(clean, TODAY);
    expect(r).toMatchObject({ score: R.base, baseScore: R.base, level: 'B', factors: [], ruleVersion: R.version });
  });

  it('penalties lower the score by severity and recency; factors sum to score − base', () => {
    const r = computeEvaluation(
      {
        records: [
          rec('ADMINISTRATIVE_PENALTY', '2026-10-15', { severity: 'SERIOUS' }), // < 12 months: −20 × 1
          rec('ADMINISTRATIVE_PENALTY', '2025-06-01', { severity: 'GENERAL' }), // 17 months: −8 × 0.6 = −4.8 → −5
          rec('ADMINISTRATIVE_PENALTY', '2026-09-01', { severity: 'MINOR', summaryProcedure: true }), // −3 × 0.5 = −1.5 → −2
          rec('ADMINISTRATIVE_PENALTY', '2023-11-25', { severity: 'SERIOUS' }), // 36 months: past the 36-month lookback
        ],
        financing: [],
      },
      TODAY,
    );
    const f = r.factors.find((x) => x.code === 'ADMINISTRATIVE_PENALTY')!;
    expect(f.records!.map((x) => x.points)).toEqual([-20, -2, -5]); // newest first
    expect(f.points).toBe(-27);
    expect(r.score).toBe(80 - 27);
    expect(r.level).toBe('D'); // 53 < 60
    expect(sumOfFactors(r)).toBe(r.score - r.baseScore);
  });

  it('a repaired record does not count (《信用修复管理办法》 art. 3); a disputed one counts and is marked', () => {
    const repaired = rec('ADMINISTRATIVE_PENALTY', '2026-10-15', { severity: 'SERIOUS', repaired: true });
    const disputed = rec('ADMINISTRATIVE_PENALTY', '2026-10-16', { severity: 'GENERAL', disputed: true });
    const r = computeEvaluation({ records: [repaired, disputed], financing: [] }, TODAY);
    const f = r.factors.find((x) => x.code === 'ADMINISTRATIVE_PENALTY')!;
    expect(f.records!.map((x) => x.recordId)).toEqual([disputed.recordId]);
    expect(f.records![0]!.underObjection).toBe(true);
    expect(f.explanation).toContain('异议中');
    expect(r.score).toBe(72);
  });

  it('honours add up to their cap; tax grade A adds, D subtracts; arrears subtract', () => {
    const r = computeEvaluation(
      {
        records: [rec('HONOUR', '2026-03-10', { severity: null }), rec('HONOUR', '2025-12-01', { severity: null }), rec('HONOUR', '2026-01-01', { severity: null })],
        financing: [
          { category: 'TAX_CREDIT_GRADE', period: '2024', item: '', taxCreditGrade: 'D', monthsInArrears: null },
          { category: 'TAX_CREDIT_GRADE', period: '2025', item: '', taxCreditGrade: 'A', monthsInArrears: null }, // latest year wins
          { category: 'SOCIAL_INSURANCE', period: '2026-10', item: '', taxCreditGrade: null, monthsInArrears: 2 }, // −2 × 2
          { category: 'UTILITY', period: '2026-09', item: 'WATER', taxCreditGrade: null, monthsInArrears: 1 }, // −1
          { category: 'UTILITY', period: '2026-10', item: 'GAS', taxCreditGrade: null, monthsInArrears: 3 }, // −3
        ],
      },
      TODAY,
    );
    const points = Object.fromEntries(r.factors.map((f) => [f.code, f.points]));
    // Honours: 3 × 5 = 15, capped at +10.
    expect(points).toEqual({ HONOUR: 10, TAX_CREDIT_GRADE: 5, SOCIAL_INSURANCE_ARREARS: -4, UTILITY_ARREARS: -4 });
    expect(r.score).toBe(80 + 10 + 5 - 4 - 4);
    expect(computeEvaluation({ records: [], financing: [{ category: 'TAX_CREDIT_GRADE', period: '2025', item: '', taxCreditGrade: 'D', monthsInArrears: null }] }, TODAY).score).toBe(65);
  });

  it('the serious dishonesty list weighs heavily and caps the level at D; the clamp is a factor', () => {
    const r = computeEvaluation(
      {
        records: [
          rec('SERIOUS_DISHONESTY_LIST', '2026-05-01'),
          rec('SERIOUS_DISHONESTY_LIST', '2026-06-01'),
          rec('CRIMINAL_JUDGMENT', '2026-02-01', { severity: null }),
          rec('COMMITMENT_BREACH', '2026-07-01', { severity: 'SERIOUS' }),
        ],
        financing: [],
      },
      TODAY,
    );
    // List −80 capped at −60; criminal −30; breach −20: 80 − 110 = −30 → clamped to 0 (+30).
    expect(r.score).toBe(0);
    expect(r.factors.find((f) => f.code === 'SCORE_BOUNDS')!.points).toBe(30);
    expect(sumOfFactors(r)).toBe(r.score - r.baseScore);
    expect(r.level).toBe('D');

    const listedButOtherwiseFine = computeEvaluation(
      {
        records: [rec('SERIOUS_DISHONESTY_LIST', '2026-05-01', { removedOn: '2026-11-01' }), rec('HONOUR', '2026-05-01', { severity: null })],
        financing: [],
      },
      TODAY,
    );
    // Removed from the list before today (移出名单): no longer counts; the honour alone → 85, B.
    expect(listedButOtherwiseFine).toMatchObject({ score: 85, level: 'B' });
  });

  it('a criminal judgment caps the level at C even with a high score', () => {
    const r = computeEvaluation(
      { records: [rec('CRIMINAL_JUDGMENT', '2021-12-01', { severity: null }), rec('HONOUR', '2026-01-01', { severity: null }), rec('HONOUR', '2026-02-01', { severity: null })], financing: [{ category: 'TAX_CREDIT_GRADE', period: '2025', item: '', taxCreditGrade: 'A', monthsInArrears: null }] },
      TODAY,
    );
    // Criminal 59 months old: −30 × 0.2 = −6; honours +10; tax A +5 → 89 (B by score), ceiling C.
    expect(r.score).toBe(89);
    expect(r.level).toBe('C');
  });

  it('monthsBetween follows 《民法典》 art. 202 month ends', () => {
    expect(monthsBetween('2025-11-30', '2026-02-27')).toBe(2);
    expect(monthsBetween('2025-11-30', '2026-02-28')).toBe(3);
    expect(monthsBetween('2026-11-26', '2026-11-26')).toBe(0);
    expect(monthsBetween('2023-11-26', '2026-11-26')).toBe(36);
  });
});
