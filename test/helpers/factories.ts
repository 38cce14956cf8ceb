import { randomInt } from 'node:crypto';
import type { Knex } from '@mikro-orm/postgresql';
import { insertEnterprises } from '@/db/seed';
import { makeEnterpriseRow } from '@/modules/enterprise/enterprise.factory';
import type { EnterpriseSeedRow } from '@/modules/enterprise/enterprise.factory';
import { createRng } from '@/shared/random';

/** Factory indexes far above the demo and scale sets; a rare collision is retried below. */
function freshIndex(): number {
  return 60_000_000 + randomInt(40_000_000);
}

export function enterpriseRow(overrides: Partial<EnterpriseSeedRow> = {}): EnterpriseSeedRow {
  const index = freshIndex();
  return { ...makeEnterpriseRow(createRng(index), index), ...overrides };
}

export async function createEnterprise(knex: Knex, overrides: Partial<EnterpriseSeedRow> = {}): Promise<EnterpriseSeedRow> {
  return (await createEnterprises(knex, 1, overrides))[0]!;
}

/** Inserts n fresh enterprises; any whose code already exists is replaced by a new one. */
export async function createEnterprises(knex: Knex, n: number, overrides: Partial<EnterpriseSeedRow> = {}): Promise<EnterpriseSeedRow[]> {
  const done: EnterpriseSeedRow[] = [];
  while (done.length < n) {
    const rows = Array.from({ length: n - done.length }, () => enterpriseRow(overrides));
    const before = await knex.raw<{ rows: { uscc: string }[] }>('select uscc from enterprise where uscc = any(?)', [rows.map((r) => r.uscc)]);
    const taken = new Set(before.rows.map((r) => r.uscc));
    const fresh = rows.filter((r, i) => !taken.has(r.uscc) && rows.findIndex((x) => x.uscc === r.uscc) === i);
    await insertEnterprises(knex, fresh);
    done.push(...fresh);
  }
  return done;
}

export interface ConsentSpec {
  enterpriseUscc: string;
  grantee: string;
  purpose?: string;
  scopes?: string[];
  validFrom?: Date;
  validUntil?: Date;
  revokedAt?: Date | null;
}

export async function createConsent(knex: Knex, c: ConsentSpec): Promise<string> {
  const res = await knex.raw<{ rows: { id: string }[] }>(
    `insert into consent (enterprise_uscc, grantee_org, purpose, scopes, valid_from, valid_until, revoked_at)
     values (?, ?, ?, ?::text[], ?, ?, ?) returning id`,
    [
      c.enterpriseUscc,
      c.grantee,
      c.purpose ?? 'LOAN_APPLICATION',
      c.scopes ?? ['CONTACTS'],
      c.validFrom ?? new Date(Date.now() - 3_600_000),
      c.validUntil ?? new Date(Date.now() + 30 * 86_400_000),
      c.revokedAt ?? null,
    ],
  );
  return res.rows[0]!.id;
}

/** Codes of the demo organizations used across tests. */
export const ORG = {
  bankA: 'BANK-ICBC-JS',
  bankB: 'BANK-SRCB-JS',
  agency: 'AGENCY-CREDIT-1',
  guarantor: 'GUAR-SHFUND',
  marketRegulator: 'JS-SCJG',
} as const;
