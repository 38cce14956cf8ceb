import { randomUUID } from 'node:crypto';
import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { ConsentChecker } from '@/access/consent-checker';
import type { Viewer } from '@/access/viewer';
import { AccessRecorder } from '@/audit/access-recorder';
import type { Database } from '@/db/database';
import { createEnterpriseLoaders } from '@/modules/enterprise/enterprise.loaders';
import type { EnterpriseLoaders } from '@/modules/enterprise/enterprise.loaders';
import { createCreditRecordLoaders } from '@/modules/credit-record/credit-record.loaders';
import type { CreditRecordLoaders } from '@/modules/credit-record/credit-record.loaders';
import { createFinancingDataLoaders } from '@/modules/financing-data/financing-data.loaders';
import type { FinancingDataLoaders } from '@/modules/financing-data/financing-data.loaders';
import { createEvaluationLoaders } from '@/modules/evaluation/evaluation.loaders';
import type { EvaluationLoaders } from '@/modules/evaluation/evaluation.loaders';
import { createObjectionLoaders } from '@/modules/objection/objection.loaders';
import type { ObjectionLoaders } from '@/modules/objection/objection.loaders';
import { createCommitmentLoaders } from '@/modules/commitment/commitment.loaders';
import type { CommitmentLoaders } from '@/modules/commitment/commitment.loaders';
import { createCalendarFromEnv } from '@/shared/calendar';
import type { WorkingDayCalendar } from '@/shared/calendar';

/** Per-request loaders: a fresh set for every request (the dataloader README's rule). */
export type Loaders = EnterpriseLoaders & CreditRecordLoaders & FinancingDataLoaders & EvaluationLoaders & ObjectionLoaders & CommitmentLoaders;

let defaultCalendar: WorkingDayCalendar | undefined;
/**
 * The working-day calendar (immutable, not user-specific, so one per process). Built on first use
 * from HUB_CALENDAR_FILE; main.ts may build it at start to fail fast on a bad file.
 */
export function processCalendar(): WorkingDayCalendar {
  defaultCalendar ??= createCalendarFromEnv();
  return defaultCalendar;
}

/** Everything per request. Nothing user-specific is module-global. */
export interface HubContext {
  readonly requestId: string;
  readonly viewer: Viewer;
  /** A fork of the ORM's EntityManager, for writes and transactions. */
  readonly em: EntityManager;
  /** Plain-row reads on hot paths. */
  readonly knex: Knex;
  readonly loaders: Loaders;
  readonly consents: ConsentChecker;
  readonly access: AccessRecorder;
  readonly log: Logger;
  readonly now: () => Date;
  /** Working days for 工作日 deadlines (双公示 timeliness, objection and repair limits). */
  readonly calendar: WorkingDayCalendar;
}

export interface ContextDeps {
  db: Database;
  log: Logger;
  now?: () => Date;
  calendar?: WorkingDayCalendar;
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{8,100}$/;

export function requestIdFrom(header: string | string[] | undefined): string {
  const v = Array.isArray(header) ? header[0] : header;
  return v && REQUEST_ID.test(v) ? v : randomUUID();
}

export function createContext(deps: ContextDeps, viewer: Viewer, requestId: string): HubContext {
  const now = deps.now ?? (() => new Date());
  const knex = deps.db.knex;
  const consents = new ConsentChecker(knex, viewer, now);
  let em: EntityManager | undefined;
  let log: Logger | undefined;
  return {
    requestId,
    viewer,
    // Forked on first use: most requests are reads that never touch the EntityManager.
    get em() {
      return (em ??= deps.db.orm.em.fork());
    },
    knex,
    loaders: { ...createEnterpriseLoaders(knex, consents), ...createCreditRecordLoaders(knex), ...createFinancingDataLoaders(knex), ...createEvaluationLoaders(knex, now), ...createObjectionLoaders(knex), ...createCommitmentLoaders(knex) },
    consents,
    access: new AccessRecorder(viewer, requestId),
    get log() {
      return (log ??= deps.log.child({ reqId: requestId }));
    },
    now,
    calendar: deps.calendar ?? processCalendar(),
  };
}
