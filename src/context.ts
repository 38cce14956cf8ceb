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

interface LoaderDeps {
  knex: Knex;
  consents: ConsentChecker;
  now: () => Date;
}

/** Each module's loaders, made together on first use of any of them. */
const LOADER_GROUPS: ((d: LoaderDeps) => object)[] = [
  (d) => createEnterpriseLoaders(d.knex, d.consents),
  (d) => createCreditRecordLoaders(d.knex),
  (d) => createFinancingDataLoaders(d.knex),
  (d) => createEvaluationLoaders(d.knex, d.now),
  (d) => createObjectionLoaders(d.knex),
  (d) => createCommitmentLoaders(d.knex),
];

const LOADER_DEPS = Symbol('loaderDeps');
const LOADER_GROUP_SLOTS = Symbol('loaderGroups');

interface LazyLoaderState {
  [LOADER_DEPS]: LoaderDeps;
  [LOADER_GROUP_SLOTS]: (Record<string, unknown> | undefined)[];
}

/**
 * The prototype of every request's loaders: a getter per loader name that makes the module's
 * loaders on first use and keeps the group in a slot of the request's own object. A profile read
 * touches four of the six modules; building all fourteen loaders and maps up front was a tenth of
 * the allocation per request (issue 5). Slots rather than properties defined on first use: a
 * property added per request turned each request's object into a slow dictionary-mode one.
 */
const LAZY_LOADERS: object = (() => {
  const proto = {};
  const probe: LoaderDeps = { knex: null as unknown as Knex, consents: null as unknown as ConsentChecker, now: () => new Date(0) };
  for (const [i, make] of LOADER_GROUPS.entries()) {
    for (const name of Object.keys(make(probe))) {
      Object.defineProperty(proto, name, {
        enumerable: true,
        get(this: LazyLoaderState) {
          const slots = this[LOADER_GROUP_SLOTS];
          return (slots[i] ??= make(this[LOADER_DEPS]) as Record<string, unknown>)[name];
        },
      });
    }
  }
  return proto;
})();

function lazyLoaders(deps: LoaderDeps): Loaders {
  const loaders = Object.create(LAZY_LOADERS) as LazyLoaderState;
  loaders[LOADER_DEPS] = deps;
  loaders[LOADER_GROUP_SLOTS] = new Array<Record<string, unknown> | undefined>(LOADER_GROUPS.length);
  return loaders as unknown as Loaders;
}

/**
 * Forgets everything the request's loaders have read (a subscription's next event must read fresh
 * data): clears each loader and map made so far.
 */
export function clearLoaders(loaders: Loaders): void {
  for (const group of (loaders as unknown as LazyLoaderState)[LOADER_GROUP_SLOTS]) {
    if (!group) continue;
    for (const loader of Object.values(group)) {
      if (loader instanceof Map) loader.clear();
      else (loader as { clearAll(): unknown }).clearAll();
    }
  }
}

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

/**
 * A class, not an object literal: Apollo Server copies the context's own properties per
 * operation, which would run lazy getters defined on the object itself. Here the EntityManager
 * fork and the child logger are getters on the prototype, created on first use — most requests
 * are reads that need neither.
 */
class RequestContext implements HubContext {
  readonly knex: Knex;
  readonly consents: ConsentChecker;
  readonly loaders: Loaders;
  readonly access: AccessRecorder;
  readonly calendar: WorkingDayCalendar;
  private forked: EntityManager | undefined;
  private childLog: Logger | undefined;

  constructor(
    private readonly deps: ContextDeps,
    readonly viewer: Viewer,
    readonly requestId: string,
    readonly now: () => Date,
  ) {
    const knex = deps.db.knex;
    this.knex = knex;
    this.consents = new ConsentChecker(knex, viewer, now);
    this.loaders = lazyLoaders({ knex, consents: this.consents, now });
    this.access = new AccessRecorder(viewer, requestId);
    this.calendar = deps.calendar ?? processCalendar();
  }

  get em(): EntityManager {
    return (this.forked ??= this.deps.db.orm.em.fork());
  }

  get log(): Logger {
    return (this.childLog ??= this.deps.log.child({ reqId: this.requestId }));
  }
}

export function createContext(deps: ContextDeps, viewer: Viewer, requestId: string): HubContext {
  return new RequestContext(deps, viewer, requestId, deps.now ?? (() => new Date()));
}
