import type { Knex } from '@mikro-orm/postgresql';
import { EVALUATION_RULES } from '@/config/evaluation-rules';
import type { EvaluationLevelCode, EvaluationRules } from '@/config/evaluation-rules';
import type { Severity } from '@/config/publicity-rules';
import type { HubContext } from '@/context';
import { beijingDate } from '@/shared/dates';
import { computeEvaluation, inputsHash, levelName } from './evaluation.scoring';
import type { EvaluationFinancingInput, EvaluationInputs, EvaluationRecordInput, Factor } from './evaluation.scoring';
import type { CreditEvaluation, EvaluationDimension, EvaluationLevel } from './evaluation.types';
import { preparedRaw } from '@/db/prepared';

/** A stored evaluation row (credit_evaluation), as read on the plain-row path. */
export interface EvaluationRow {
  enterprise_uscc: string;
  score: number;
  level: EvaluationLevelCode;
  factors: Factor[];
  rule_version: string;
  /** timestamptz arrives as a string on the plain-row path. */
  computed_at: Date | string;
  inputs_hash: string;
}

interface InputRow {
  uscc: string;
  records: {
    record_id: string;
    kind: string;
    severity: Severity | null;
    decision_date: string;
    summary_procedure: boolean;
    publicity_end_date: string | null;
    repaired: boolean;
    disputed: boolean;
    removed_on: string | null;
  }[];
  financing: {
    category: string;
    period: string;
    item: string;
    tax_credit_grade: string | null;
    months_in_arrears: number | null;
  }[];
}

/**
 * The inputs of many enterprises in ONE statement: their current credit records (licences are
 * neutral and left out) and their current financing data. `knex` may be a transaction: the repair
 * approval and the ingestion batch call this inside theirs so the evaluation moves with the data.
 */
async function loadInputs(knex: Knex, usccs: string[]): Promise<Map<string, EvaluationInputs>> {
  const res = await knex.raw<{ rows: InputRow[] }>(
    `select u.uscc,
            (select coalesce(json_agg(json_build_object(
                      'record_id', r.record_id, 'kind', r.kind, 'severity', r.severity,
                      'decision_date', r.decision_date::text, 'summary_procedure', r.summary_procedure,
                      'publicity_end_date', r.publicity_end_date::text, 'repaired', r.repaired_at is not null,
                      'disputed', r.disputed_at is not null, 'removed_on', r.details->>'removedOn')), '[]'::json)
               from credit_record r
              where r.enterprise_uscc = u.uscc and r.superseded_at is null and r.kind <> 'ADMINISTRATIVE_LICENCE') as records,
            (select coalesce(json_agg(json_build_object(
                      'category', f.category, 'period', f.period, 'item', f.item,
                      'tax_credit_grade', f.tax_credit_grade, 'months_in_arrears', f.months_in_arrears)), '[]'::json)
               from financing_data f
              where f.enterprise_uscc = u.uscc and f.superseded_at is null) as financing
       from unnest(?::text[]) as u(uscc)`,
    [usccs],
  );
  const by = new Map<string, EvaluationInputs>();
  for (const row of res.rows) {
    const records: EvaluationRecordInput[] = row.records.map((r) => ({
      recordId: r.record_id,
      kind: r.kind,
      severity: r.severity,
      decisionDate: r.decision_date,
      summaryProcedure: r.summary_procedure,
      publicityEndDate: r.publicity_end_date,
      repaired: r.repaired,
      disputed: r.disputed,
      removedOn: r.removed_on,
    }));
    const financing: EvaluationFinancingInput[] = row.financing.map((f) => ({
      category: f.category,
      period: f.period,
      item: f.item,
      taxCreditGrade: f.tax_credit_grade,
      monthsInArrears: f.months_in_arrears,
    }));
    by.set(row.uscc, { records, financing });
  }
  return by;
}

/** Computes the evaluations of `usccs` (one read) without storing them. */
async function computeRows(knex: Knex, list: string[], now: Date, rules: EvaluationRules): Promise<EvaluationRow[]> {
  const inputs = await loadInputs(knex, list);
  const today = beijingDate(now);
  return list.map((uscc) => {
    const input = inputs.get(uscc)!;
    const r = computeEvaluation(input, today, rules);
    return {
      enterprise_uscc: uscc,
      score: r.score,
      level: r.level,
      factors: r.factors,
      rule_version: r.ruleVersion,
      computed_at: now.toISOString(),
      inputs_hash: inputsHash(input, r.ruleVersion),
    };
  });
}

const RECORDSET = `jsonb_to_recordset(?::jsonb) as x(enterprise_uscc varchar(18), score int, level char(1), factors jsonb,
  rule_version text, computed_at timestamptz, inputs_hash char(64), expected_computed_at timestamptz)`;

/**
 * Recomputes and stores the evaluations of these enterprises (set-based: one lock statement, one
 * read, one upsert, whatever their number). Call it wherever an input changes — an ingested
 * batch, an approved credit repair (《信用修复管理办法》 art. 3: repair "updates the evaluation", a
 * linked update), an objection mark — passing the caller's TRANSACTION as `knex`: the evaluation
 * then commits or rolls back with the data, and the per-enterprise advisory locks (held to the end
 * of that transaction) serialize concurrent recomputations of one enterprise, so the later one
 * reads the earlier one's committed data instead of overwriting it with an older view.
 * Enterprises the registry does not hold are skipped.
 */
export async function recomputeEvaluations(knex: Knex, usccs: string[], now: Date = new Date()): Promise<void> {
  const list = [...new Set(usccs)].sort();
  if (list.length === 0) return;
  // Sorted, so two transactions lock shared enterprises in the same order (no deadlock).
  await knex.raw(
    `select pg_advisory_xact_lock(k) from (select hashtext('credit_evaluation:' || u) as k from unnest(?::text[]) as u order by u) s`,
    [list],
  );
  const rows = await computeRows(knex, list, now, EVALUATION_RULES);
  await knex.raw(
    `insert into credit_evaluation (enterprise_uscc, score, level, factors, rule_version, computed_at, inputs_hash)
     select x.enterprise_uscc, x.score, x.level, x.factors, x.rule_version, x.computed_at, x.inputs_hash
       from ${RECORDSET}
      where exists (select 1 from enterprise e where e.uscc = x.enterprise_uscc)
      order by x.enterprise_uscc
     on conflict (enterprise_uscc) do update
        set score = excluded.score, level = excluded.level, factors = excluded.factors,
            rule_version = excluded.rule_version, computed_at = excluded.computed_at, inputs_hash = excluded.inputs_hash`,
    [JSON.stringify(rows.map((r) => ({ ...r, expected_computed_at: null })))],
  );
}

/** The stored columns but the factors (alias `ev`): what a level or a score needs. */
export const SUMMARY_COLUMNS = `ev.enterprise_uscc, ev.score, ev.level, ev.rule_version, ev.computed_at,
  ev.computed_at::text as computed_at_text, ev.inputs_hash`;

/** The stored columns as read (alias `ev`); the loader and the enterprise prefetch share them. */
export const STORED_COLUMNS = `${SUMMARY_COLUMNS}, ev.factors::text as factors_json`;

/** A stored evaluation without its factors (enterprise prefetch of a level or score). */
export type EvaluationSummaryRow = Omit<EvaluationRow, 'factors'>;

/** The CreditEvaluation fields that need the factors. */
export const FACTOR_FIELDS: readonly string[] = ['factors', 'baseScore'];

export type StoredEvaluationRow = EvaluationRow & { computed_at_text: string; factors_json: string };

/**
 * Factors are parsed only when a client asks for them: a regulator's page of 50 levels need not
 * decode 50 explanations.
 */
export function withLazyFactors(r: StoredEvaluationRow): StoredEvaluationRow {
  const json = r.factors_json;
  let parsed: Factor[] | undefined;
  Object.defineProperty(r, 'factors', { enumerable: true, get: () => (parsed ??= JSON.parse(json) as Factor[]) });
  return r;
}

/** True when a stored evaluation must be recomputed before it is served. */
export function isStale(row: EvaluationSummaryRow | undefined, now: Date, rules: EvaluationRules): boolean {
  if (!row || row.rule_version !== rules.version) return true;
  return Math.abs(now.getTime() - new Date(row.computed_at).getTime()) >= rules.refreshAfterHours * 3_600_000;
}

/**
 * The loader's batch: one SELECT of the stored evaluations. The missing ones (enterprises never
 * recomputed, e.g. demo data loaded by SQL), those of an older rule version and those older than
 * the refresh period (decay and windows move with the calendar) are computed now — one read —
 * and stored by one compare-and-set statement that writes only where the row is still the one
 * read (or still absent), so a read never overwrites a recomputation committed meanwhile by a
 * repair or an ingestion. At most three statements, whatever the page size.
 */
export async function loadEvaluations(
  knex: Knex,
  usccs: readonly string[],
  now: Date,
  rules: EvaluationRules = EVALUATION_RULES,
): Promise<(EvaluationRow | null)[]> {
  const res = await preparedRaw<{ rows: StoredEvaluationRow[] }>(
        knex,
    `select ${STORED_COLUMNS} from credit_evaluation ev where ev.enterprise_uscc = any(?::text[])`,
    [usccs as string[]],
  );
  for (const r of res.rows) withLazyFactors(r);
  const by = new Map<string, EvaluationRow>(res.rows.map((r) => [r.enterprise_uscc, r]));
  const seen = new Map(res.rows.map((r) => [r.enterprise_uscc, r.computed_at_text]));
  const stale = [...new Set(usccs.filter((u) => isStale(by.get(u), now, rules)))].sort();
  if (stale.length) {
    const rows = await computeRows(knex, stale, now, rules);
    await knex.raw(
      `with x as (select * from ${RECORDSET}),
       upd as (
         update credit_evaluation c
            set score = x.score, level = x.level, factors = x.factors, rule_version = x.rule_version,
                computed_at = x.computed_at, inputs_hash = x.inputs_hash
           from x
          where c.enterprise_uscc = x.enterprise_uscc and x.expected_computed_at is not null
            and c.computed_at = x.expected_computed_at
         returning 1)
       insert into credit_evaluation (enterprise_uscc, score, level, factors, rule_version, computed_at, inputs_hash)
       select x.enterprise_uscc, x.score, x.level, x.factors, x.rule_version, x.computed_at, x.inputs_hash
         from x
        where x.expected_computed_at is null and exists (select 1 from enterprise e where e.uscc = x.enterprise_uscc)
       on conflict (enterprise_uscc) do nothing`,
      [JSON.stringify(rows.map((r) => ({ ...r, expected_computed_at: seen.get(r.enterprise_uscc) ?? null })))],
    );
    for (const r of rows) by.set(r.enterprise_uscc, r);
  }
  return usccs.map((u) => by.get(u) ?? null);
}

/**
 * An evaluation as the API serves it. A class, so the derived fields are getters on its prototype
 * (an object literal with accessors is built property by property on every call: a regulator's
 * page maps 50 of them). `factors` and `baseScore` are computed only when selected (see
 * loadEvaluations); from a summary row, which has no factors, reading them is a bug, not an empty
 * list.
 */
class EvaluationView implements CreditEvaluation {
  readonly subjectUscc: string;
  readonly score: number;
  readonly level: EvaluationLevel;
  readonly levelName: string;
  readonly ruleVersion: string;

  constructor(
    private readonly row: EvaluationSummaryRow | EvaluationRow,
    private readonly hasFactors: boolean,
  ) {
    this.subjectUscc = row.enterprise_uscc;
    this.score = row.score;
    this.level = row.level as EvaluationLevel;
    this.levelName = levelName(row.level);
    this.ruleVersion = row.rule_version;
  }

  private get stored(): EvaluationRow {
    if (!this.hasFactors) throw new Error('evaluation factors read from a summary row');
    return this.row as EvaluationRow;
  }

  get baseScore(): number {
    const row = this.stored;
    return EVALUATION_RULES.version === row.rule_version ? EVALUATION_RULES.base : row.score - row.factors.reduce((s, f) => s + f.points, 0);
  }

  get factors(): CreditEvaluation['factors'] {
    return mapFactors(this.stored);
  }

  get computedAt(): Date {
    return new Date(this.row.computed_at);
  }
}

/** Explicit mapping from the stored row to the API type. */
export function toCreditEvaluation(row: EvaluationRow): CreditEvaluation {
  return new EvaluationView(row, true);
}

function mapFactors(row: EvaluationRow): CreditEvaluation['factors'] {
  return row.factors.map((f) => ({
      code: f.code,
      name: f.name,
      dimension: f.dimension as EvaluationDimension,
      points: f.points,
      explanation: f.explanation,
      records: f.records
        ? f.records.map((r) => ({
            recordId: r.recordId,
            kind: r.kind,
            decisionDate: r.decisionDate,
            severity: r.severity,
            points: r.points,
            underObjection: r.underObjection,
          }))
        : null,
    }));
}

export const evaluationService = {
  /**
   * The enterprise's evaluation (the field policy has already checked role and consent). When the
   * client selected no factor field, a summary prefetched with the enterprise serves it.
   */
  async forEnterprise(ctx: HubContext, uscc: string, needsFactors = true): Promise<CreditEvaluation | null> {
    const summary = needsFactors ? undefined : ctx.loaders.evaluationSummaries.get(uscc);
    if (summary) return new EvaluationView(summary, false);
    const row = await ctx.loaders.evaluationByUscc.load(uscc);
    return row ? toCreditEvaluation(row) : null;
  },
};
