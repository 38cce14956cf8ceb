import DataLoader from 'dataloader';
import type { Knex } from '@mikro-orm/postgresql';
import { EVALUATION_RULES } from '@/config/evaluation-rules';
import { registerEnterpriseCompanion } from '@/modules/enterprise/enterprise.prefetch';
import { FACTOR_FIELDS, isStale, loadEvaluations, STORED_COLUMNS, SUMMARY_COLUMNS, withLazyFactors } from './evaluation.service';
import type { EvaluationRow, EvaluationSummaryRow, StoredEvaluationRow } from './evaluation.service';

export interface EvaluationLoaders {
  /** The stored evaluation of each enterprise, computed on the spot when missing or stale. */
  evaluationByUscc: DataLoader<string, EvaluationRow | null>;
  /** Fresh stored evaluations without factors, prefetched with enterprises (read when no factor field is selected). */
  evaluationSummaries: Map<string, EvaluationSummaryRow>;
}

/** Per request (the request's clock decides staleness and recency decay). */
export function createEvaluationLoaders(knex: Knex, now: () => Date): EvaluationLoaders {
  return {
    evaluationByUscc: new DataLoader((usccs: readonly string[]) => loadEvaluations(knex, usccs, now())),
    evaluationSummaries: new Map(),
  };
}

// Enterprise.evaluation read with the enterprise row (enterprise.prefetch.ts). Only a stored
// evaluation that is still fresh is handed over; a missing or stale one is left to the loader,
// which recomputes and stores it. The factors (about 1 kB of JSON each) come along only when a
// factor field is selected: a regulator's page of levels does not carry 50 explanations.
const storedRowSql = (columns: string) =>
  `select row_to_json(x) from (select ${columns} from credit_evaluation ev where ev.enterprise_uscc = enterprise.uscc) x`;

registerEnterpriseCompanion({
  field: 'evaluation',
  plans: (ctx, field) => {
    const withFactors = FACTOR_FIELDS.some((f) => field.children.has(f));
    return [
      {
        key: withFactors ? 'evaluation' : 'evaluation:summary',
        sql: storedRowSql(withFactors ? STORED_COLUMNS : SUMMARY_COLUMNS),
        bindings: [],
        take: (uscc, value) => {
          const row = value as StoredEvaluationRow | EvaluationSummaryRow | null;
          if (!row || isStale(row, ctx.now(), EVALUATION_RULES)) return;
          if (withFactors) ctx.loaders.evaluationByUscc.prime(uscc, withLazyFactors(row as StoredEvaluationRow));
          else ctx.loaders.evaluationSummaries.set(uscc, row);
        },
      },
    ];
  },
});
