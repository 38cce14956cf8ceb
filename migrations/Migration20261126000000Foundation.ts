import { Migration } from '@mikro-orm/migrations';
import { GENESIS_HASH } from '../src/audit/hash-chain';

/**
 * Foundation: organizations, enterprises, consents, and the append-only, hash-chained access log.
 */
export class Migration20261126000000Foundation extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create extension if not exists pg_trgm;`);

    this.addSql(`
      create table organization (
        code text primary key,
        name text not null,
        kind text not null check (kind in ('DEPARTMENT','BANK','GUARANTOR','CREDIT_AGENCY')),
        uscc varchar(18) null,
        domain text null,
        created_at timestamptz not null default now()
      );`);

    this.addSql(`
      create table enterprise (
        uscc varchar(18) primary key,
        name text not null,
        industry_code char(1) not null,
        district_code char(6) not null,
        established_on date not null,
        status text not null check (status in ('ACTIVE','REVOKED','CANCELLED','MOVED_OUT')),
        registered_capital numeric(18,2) null,
        address text null,
        lr_name text not null,
        lr_id_number text null,
        lr_phone text null,
        uscc_checksum_ok boolean not null default true,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      );`);
    // Cursor pagination is keyset on uscc; each filter gets a (filter, uscc) index so a page of a
    // filtered list is an index range scan whatever the page number.
    this.addSql(`create index enterprise_industry_uscc_idx on enterprise (industry_code, uscc);`);
    this.addSql(`create index enterprise_district_uscc_idx on enterprise (district_code, uscc);`);
    this.addSql(`create index enterprise_status_uscc_idx on enterprise (status, uscc);`);
    this.addSql(`create index enterprise_name_trgm_idx on enterprise using gin (name gin_trgm_ops);`);

    this.addSql(`
      create table consent (
        id uuid primary key default gen_random_uuid(),
        enterprise_uscc varchar(18) not null references enterprise (uscc),
        grantee_org text not null references organization (code),
        purpose text not null,
        scopes text[] not null,
        valid_from timestamptz not null,
        valid_until timestamptz not null,
        revoked_at timestamptz null,
        created_at timestamptz not null default now(),
        check (valid_until > valid_from),
        check (cardinality(scopes) > 0)
      );`);
    this.addSql(`create index consent_grantee_enterprise_idx on consent (grantee_org, enterprise_uscc) where revoked_at is null;`);
    this.addSql(`create index consent_enterprise_idx on consent (enterprise_uscc, created_at desc);`);

    // ── Access log: append-only and hash-chained ────────────────────────────────────────────
    this.addSql(`
      create table access_log (
        seq bigint primary key,
        at timestamptz not null,
        request_id text not null,
        principal text not null,
        role text not null,
        org text null,
        enterprise_uscc varchar(18) not null,
        fields text[] not null,
        purpose text null,
        consent_ids uuid[] not null default '{}',
        prev_hash char(64) not null,
        hash char(64) not null
      );`);
    this.addSql(`create index access_log_enterprise_seq_idx on access_log (enterprise_uscc, seq desc);`);
    this.addSql(`create index access_log_request_idx on access_log (request_id);`);
    this.addSql(`
      create table access_log_head (
        id smallint primary key check (id = 1),
        seq bigint not null,
        hash char(64) not null,
        updated_at timestamptz not null default now()
      );`);
    this.addSql(`insert into access_log_head (id, seq, hash) values (1, 0, '${GENESIS_HASH}');`);
    this.addSql(`
      create function access_log_reject_change() returns trigger language plpgsql as $$
      begin
        raise exception 'access_log is append-only: % is not allowed', tg_op using errcode = '42501';
      end $$;`);
    this.addSql(`create trigger access_log_no_update before update or delete on access_log for each row execute function access_log_reject_change();`);
    this.addSql(`create trigger access_log_no_truncate before truncate on access_log for each statement execute function access_log_reject_change();`);
    this.addSql(`
      create function access_log_head_forward_only() returns trigger language plpgsql as $$
      begin
        if tg_op <> 'UPDATE' or new.seq <= old.seq or new.id <> old.id then
          raise exception 'access_log_head only moves forward' using errcode = '42501';
        end if;
        return new;
      end $$;`);
    this.addSql(`create trigger access_log_head_forward before update or delete on access_log_head for each row execute function access_log_head_forward_only();`);
    this.addSql(`create trigger access_log_head_no_truncate before truncate on access_log_head for each statement execute function access_log_reject_change();`);
  }
}
