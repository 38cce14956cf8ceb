import type { Knex } from '@mikro-orm/postgresql';
import { makeEnterpriseRow } from '@/modules/enterprise/enterprise.factory';
import type { EnterpriseSeedRow } from '@/modules/enterprise/enterprise.factory';
import { DEMO_ORGANIZATIONS } from '@/modules/organization/organizations.demo';
import type { OrganizationSeed } from '@/modules/organization/organizations.demo';
import { createRng } from '@/shared/random';
import { seedDemoCreditRecords } from './demo-records';

export const DEMO_SEED = 20261126;
export const DEMO_ENTERPRISES = 320;
const BATCH = 5000;

export async function insertOrganizations(knex: Knex, orgs: readonly OrganizationSeed[]): Promise<void> {
  if (!orgs.length) return;
  await knex.raw(
    `insert into organization (code, name, kind, uscc, domain)
     select * from unnest(?::text[], ?::text[], ?::text[], ?::varchar[], ?::text[])
     on conflict (code) do nothing`,
    [orgs.map((o) => o.code), orgs.map((o) => o.name), orgs.map((o) => o.kind), orgs.map((o) => o.uscc) as string[], orgs.map((o) => o.domain) as string[]],
  );
}

/** One multi-row insert through unnest(): a single statement and 11 parameters per batch of thousands. */
export async function insertEnterprises(knex: Knex, rows: readonly EnterpriseSeedRow[]): Promise<void> {
  if (!rows.length) return;
  const col = <K extends keyof EnterpriseSeedRow>(k: K) => rows.map((r) => r[k]);
  await knex.raw(
    `insert into enterprise (uscc, name, industry_code, district_code, established_on, status, registered_capital,
                             address, lr_name, lr_id_number, lr_phone)
     select * from unnest(?::varchar[], ?::text[], ?::text[], ?::text[], ?::date[], ?::text[], ?::numeric[],
                          ?::text[], ?::text[], ?::text[], ?::text[])
     on conflict (uscc) do nothing`,
    [
      col('uscc'),
      col('name'),
      col('industryCode'),
      col('districtCode'),
      col('establishedOn'),
      col('status'),
      col('registeredCapital'),
      col('address'),
      col('legalRepresentativeName'),
      col('legalRepresentativeIdNumber'),
      col('legalRepresentativePhone'),
    ],
  );
}

export interface SeedProgress {
  (done: number, total: number): void;
}

/**
 * Synthetic enterprises from the same factory as the demo set, in batches. Index i always makes
 * the same enterprise for a given seed, so a run can be resumed from `start`.
 */
export async function seedEnterprises(
  knex: Knex,
  count: number,
  opts: { seed?: number; start?: number; districtCode?: string; onProgress?: SeedProgress } = {},
): Promise<void> {
  const start = opts.start ?? 0;
  for (let i = 0; i < count; i += BATCH) {
    const n = Math.min(BATCH, count - i);
    const batch = new Array<EnterpriseSeedRow>(n);
    for (let j = 0; j < n; j++) {
      const index = start + i + j;
      batch[j] = makeEnterpriseRow(createRng((opts.seed ?? DEMO_SEED) ^ index), index, opts.districtCode);
    }
    await insertEnterprises(knex, batch);
    opts.onProgress?.(i + n, count);
  }
}

/**
 * The demo data set loaded on the first start of an empty database: the district's departments,
 * three banks, a guarantee agency, a credit agency and 320 Jinshan enterprises, with credit
 * records of every kind and financing data (src/db/demo-records.ts).
 */
export async function loadDemoDataIfEmpty(knex: Knex): Promise<boolean> {
  const res = await knex.raw<{ rows: { n: string }[] }>('select count(*) as n from enterprise');
  if (Number(res.rows[0]!.n) > 0) return false;
  await knex.transaction(async (trx) => {
    await insertOrganizations(trx, DEMO_ORGANIZATIONS);
    await seedEnterprises(trx, DEMO_ENTERPRISES);
    await seedDemoConsents(trx);
    await seedDemoCreditRecords(trx);
  });
  return true;
}

/** A few consents so a newcomer can watch the consent rule work (see README "First query"). */
async function seedDemoConsents(knex: Knex): Promise<void> {
  const firstThree = await knex.raw<{ rows: { uscc: string }[] }>('select uscc from enterprise order by uscc limit 3');
  const banks = DEMO_ORGANIZATIONS.filter((o) => o.kind === 'BANK');
  const now = Date.now();
  for (const [i, e] of firstThree.rows.entries()) {
    await knex.raw(
      `insert into consent (enterprise_uscc, grantee_org, purpose, scopes, valid_from, valid_until)
       values (?, ?, 'LOAN_APPLICATION', ?::text[], ?, ?)`,
      [e.uscc, banks[i % banks.length]!.code, ['CONTACTS', 'FINANCING_DATA', 'EVALUATION'], new Date(now - 86_400_000), new Date(now + 180 * 86_400_000)],
    );
  }
}
