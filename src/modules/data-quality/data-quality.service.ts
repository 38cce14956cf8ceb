import { DATA_QUALITY_RULES } from '@/config/data-quality-rules';
import type { DataQualityGradeCode, DataQualityRules, RateBands } from '@/config/data-quality-rules';
import type { HubContext } from '@/context';
import type { CreditRecordKind } from '@/modules/credit-record';
import { addMonths, beijingDate } from '@/shared/dates';
import { BadUserInputError, ForbiddenError } from '@/shared/errors';
import type { DataQualityFigures, DataQualityGrade, DepartmentDataQuality, MonthlyDecisionDeclaration, QuarterlyDataQualityEvaluation } from './data-quality.types';

const MONTH = /^(20\d{2})-(0[1-9]|1[0-2])$/;
/** Largest monthly decision count a department may declare (a sanity bound, not a rule). */
const MAX_DECLARED = 1_000_000;

/** Per (department, month) counts from ingestion_fact, in receipt months (Beijing time). */
interface MonthCounts {
  department: string;
  month: string;
  received: number;
  first_reports: number;
  on_time: number;
  late: number;
  late_provisional: number;
  errors: number;
  rejected: number;
  checksum_warnings: number;
  corrections: number;
}

/** Per (department, month, kind) declaration and the records that landed for it. */
interface DeclarationCounts {
  department: string;
  month: string;
  declared: number;
  reconciled: number;
}

function invalidMonth(field = 'month'): BadUserInputError {
  return new BadUserInputError(`${field} must be a month 'YYYY-MM' (2000–2099)`, field, 'INVALID_MONTH');
}

/** 'YYYY-MM' → 'YYYY-Qn' and the quarter's three months. */
export function quarterOf(month: string): { quarter: string; months: string[] } {
  const y = month.slice(0, 4);
  const q = Math.floor((Number(month.slice(5, 7)) - 1) / 3);
  const first = `${y}-${String(q * 3 + 1).padStart(2, '0')}`;
  return { quarter: `${y}-Q${q + 1}`, months: [0, 1, 2].map((i) => addMonths(`${first}-01`, i).slice(0, 7)) };
}

/** The instant a Beijing calendar month starts (China Standard Time, UTC+8, no daylight saving). */
function monthStart(month: string): Date {
  return new Date(`${month}-01T00:00:00+08:00`);
}

function rate(num: number, den: number | null, rules: DataQualityRules): number | null {
  if (den === null || den === 0) return null;
  const f = 10 ** rules.rateDecimals;
  return Math.round((num / den) * f) / f;
}

const GRADES: readonly DataQualityGradeCode[] = ['EXCELLENT', 'GOOD', 'PASS', 'FAIL'];

function band(r: number | null, b: RateBands): DataQualityGradeCode {
  if (r === null) return 'EXCELLENT';
  return r <= b.excellent ? 'EXCELLENT' : r <= b.good ? 'GOOD' : r <= b.pass ? 'PASS' : 'FAIL';
}

/** The worst of the three rate grades; an unknown omission rate caps the grade (config). */
export function gradeOf(f: DataQualityFigures, rules: DataQualityRules = DATA_QUALITY_RULES): DataQualityGradeCode | null {
  if (f.received === 0 && f.declared === null) return null;
  const grades = [band(f.errorRate, rules.errorRate), band(f.lateRate, rules.lateRate), band(f.omissionRate, rules.omissionRate)];
  if (f.declared === null) grades.push(rules.unknownOmissionCap);
  return GRADES[Math.max(...grades.map((g) => GRADES.indexOf(g)))]!;
}

/** Sums the counts of the given months into figures with their rates. */
function figures(counts: MonthCounts[], decl: DeclarationCounts[], rules: DataQualityRules): DataQualityFigures {
  const sum = (k: keyof Omit<MonthCounts, 'department' | 'month'>) => counts.reduce((s, c) => s + Number(c[k]), 0);
  const received = sum('received');
  const firstReports = sum('first_reports');
  const late = sum('late');
  const errors = sum('errors');
  const declared = decl.length ? decl.reduce((s, d) => s + d.declared, 0) : null;
  const reconciled = decl.length ? decl.reduce((s, d) => s + d.reconciled, 0) : null;
  // Per (month, kind): a surplus of one kind never hides a gap in another.
  const omissions = decl.length ? decl.reduce((s, d) => s + Math.max(0, d.declared - d.reconciled), 0) : null;
  return {
    received,
    firstReports,
    onTime: sum('on_time'),
    late,
    lateProvisional: sum('late_provisional'),
    errors,
    rejected: sum('rejected'),
    checksumWarnings: sum('checksum_warnings'),
    corrections: sum('corrections'),
    declared,
    reconciled,
    omissions,
    errorRate: rate(errors, received, rules),
    lateRate: rate(late, firstReports, rules),
    omissionRate: omissions === null ? null : rate(omissions, declared, rules),
  };
}

/**
 * Which departments the viewer may see (the row scope of Query.dataQuality): the platform
 * operator and analysts all of them; a department (REGULATOR / APPROVER) only itself. Asking for
 * another department is FORBIDDEN before its existence is checked, so the answer reveals nothing.
 */
async function scope(ctx: HubContext, department: string | null | undefined): Promise<{ code: string; name: string }[]> {
  const v = ctx.viewer;
  let wanted: string | null = department ?? null;
  if (v.role === 'REGULATOR' || v.role === 'APPROVER') {
    if (wanted !== null && wanted !== v.org) {
      throw new ForbiddenError("A department may read only its own data quality", { reason: 'NOT_OWN_DEPARTMENT' });
    }
    wanted = v.org;
    if (!wanted) throw new ForbiddenError('This token names no department', { reason: 'NOT_OWN_DEPARTMENT' });
  } else if (v.role !== 'PLATFORM_ADMIN' && v.role !== 'ANALYST') {
    throw new ForbiddenError(`Role ${v.role} may not read 双公示 data quality`, { reason: 'ROLE' });
  }
  const res = await ctx.knex.raw<{ rows: { code: string; name: string }[] }>(
    `select code, name from organization where kind = 'DEPARTMENT' and (?::text is null or code = ?) order by code`,
    [wanted, wanted],
  );
  if (wanted !== null && res.rows.length === 0) {
    throw new BadUserInputError('department is not the code of a department known to the hub', 'department', 'UNKNOWN_DEPARTMENT');
  }
  return res.rows;
}

export const dataQualityService = {
  /**
   * 双公示 data quality per department for one month (default: the current Beijing month) and the
   * evaluation of its quarter, from the facts ingestion captured (DOMAIN.md §2.3). Three statements
   * whatever the number of departments.
   */
  async forMonth(ctx: HubContext, department: string | null | undefined, monthArg: string | null | undefined): Promise<DepartmentDataQuality[]> {
    const month = monthArg ?? beijingDate(ctx.now()).slice(0, 7);
    if (!MONTH.test(month)) throw invalidMonth();
    const departments = await scope(ctx, department);
    if (departments.length === 0) return [];
    const codes = departments.map((d) => d.code);
    const { quarter, months } = quarterOf(month);
    const from = monthStart(months[0]!);
    const to = monthStart(addMonths(`${months[2]}-01`, 1).slice(0, 7));

    const counts = await ctx.knex.raw<{ rows: MonthCounts[] }>(
      `select department, to_char((received_at at time zone 'UTC') + interval '8 hours', 'YYYY-MM') as month,
              count(*) filter (where outcome <> 'UNCHANGED')::int as received,
              count(*) filter (where outcome = 'CREATED')::int as first_reports,
              count(*) filter (where outcome = 'CREATED' and late = false)::int as on_time,
              count(*) filter (where outcome = 'CREATED' and late = true)::int as late,
              count(*) filter (where outcome = 'CREATED' and late = true and late_provisional)::int as late_provisional,
              count(*) filter (where outcome = 'REJECTED' or (outcome <> 'UNCHANGED' and (checksum_warning or correction)))::int as errors,
              count(*) filter (where outcome = 'REJECTED')::int as rejected,
              count(*) filter (where outcome in ('CREATED', 'UPDATED') and checksum_warning)::int as checksum_warnings,
              count(*) filter (where outcome = 'UPDATED')::int as corrections
         from ingestion_fact
        where stream = 'CREDIT_RECORD' and department = any(?::text[]) and received_at >= ? and received_at < ?
        group by 1, 2`,
      [codes, from, to],
    );
    // Omissions reconcile decisions MADE in a month (the department's docket) with the records that
    // landed for them, whenever they arrived: a decision of the 30th reported on the 3rd is no omission.
    const decl = await ctx.knex.raw<{ rows: DeclarationCounts[] }>(
      `select d.department, d.month, d.decision_count as declared,
              (select count(*) from ingestion_fact f
                where f.stream = 'CREDIT_RECORD' and f.outcome = 'CREATED' and f.department = d.department
                  and f.record_kind = d.kind
                  and f.decision_date >= (d.month || '-01')::date
                  and f.decision_date < ((d.month || '-01')::date + interval '1 month'))::int as reconciled
         from monthly_decision_declaration d
        where d.department = any(?::text[]) and d.month = any(?::text[])`,
      [codes, months],
    );

    const quarterEnded = monthStart(addMonths(`${months[2]}-01`, 1).slice(0, 7)).getTime() <= ctx.now().getTime();
    return departments.map((d) => {
      const mine = counts.rows.filter((c) => c.department === d.code);
      const myDecl = decl.rows.filter((c) => c.department === d.code);
      const q = figures(mine, myDecl, DATA_QUALITY_RULES);
      const quarterly: QuarterlyDataQualityEvaluation = {
        ...q,
        quarter,
        complete: quarterEnded,
        grade: gradeOf(q) as DataQualityGrade | null,
      };
      return {
        ...figures(
          mine.filter((c) => c.month === month),
          myDecl.filter((c) => c.month === month),
          DATA_QUALITY_RULES,
        ),
        department: d.code,
        departmentName: d.name,
        month,
        quarterlyEvaluation: quarterly,
      };
    });
  },

  /**
   * Records a department's count of decisions of one kind made in one month — the denominator of
   * 漏报率 (DOMAIN.md §2.3: "source-system decision count"). The department declares for itself; the
   * platform operator on its behalf. A later declaration replaces the earlier one.
   */
  async declare(ctx: HubContext, department: string, month: string, kind: CreditRecordKind, count: number): Promise<MonthlyDecisionDeclaration> {
    const v = ctx.viewer;
    if (!MONTH.test(month)) throw invalidMonth();
    if (month > beijingDate(ctx.now()).slice(0, 7)) {
      throw new BadUserInputError('month is in the future: decisions can be declared only for past or current months', 'month', 'MONTH_IN_FUTURE');
    }
    if (!Number.isInteger(count) || count < 0 || count > MAX_DECLARED) {
      throw new BadUserInputError(`count must be a whole number from 0 to ${MAX_DECLARED}`, 'count', 'INVALID_COUNT');
    }
    if ((v.role === 'REGULATOR' || v.role === 'APPROVER') && v.org !== department) {
      throw new ForbiddenError('A department may declare only its own decision counts', { reason: 'NOT_OWN_DEPARTMENT' });
    } else if (v.role !== 'REGULATOR' && v.role !== 'APPROVER' && v.role !== 'PLATFORM_ADMIN') {
      throw new ForbiddenError(`Role ${v.role} may not declare decision counts`, { reason: 'ROLE' });
    }
    const at = ctx.now();
    const res = await ctx.knex.raw<{ rows: { department: string }[] }>(
      `insert into monthly_decision_declaration (department, month, kind, decision_count, declared_by, declared_at)
       select o.code, ?, ?, ?, ?, ? from organization o where o.code = ? and o.kind = 'DEPARTMENT'
       on conflict (department, month, kind) do update
          set decision_count = excluded.decision_count, declared_by = excluded.declared_by, declared_at = excluded.declared_at
       returning department`,
      [month, kind, count, v.subject, at, department],
    );
    if (res.rows.length === 0) {
      throw new BadUserInputError('department is not the code of a department known to the hub', 'department', 'UNKNOWN_DEPARTMENT');
    }
    return { department, month, kind, count, declaredBy: v.subject, declaredAt: at };
  },
};
