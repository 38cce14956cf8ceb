import DataLoader from 'dataloader';
import type { Knex } from '@mikro-orm/postgresql';
import { loadEvaluations } from './evaluation.service';
import type { EvaluationRow } from './evaluation.service';

export interface EvaluationLoaders {
  /** The stored evaluation of each enterprise, computed on the spot when missing or stale. */
  evaluationByUscc: DataLoader<string, EvaluationRow | null>;
}

/** Per request (the request's clock decides staleness and recency decay). */
export function createEvaluationLoaders(knex: Knex, now: () => Date): EvaluationLoaders {
  return {
    evaluationByUscc: new DataLoader((usccs: readonly string[]) => loadEvaluations(knex, usccs, now())),
  };
}
