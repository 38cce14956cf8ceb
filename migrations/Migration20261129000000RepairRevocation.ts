import { Migration } from '@mikro-orm/migrations';

/**
 * A repair can be revoked (撤销修复): when the enterprise breaches the credit-repair commitment it
 * made (信用修复型承诺, DOMAIN.md §5.3 "违诺"), the record is public again for its longest period, and
 * the application that repaired it must say so instead of still reading 已修复 (APPROVED).
 * The revoking commitment is kept, and revoked repairs still count for the frequency limits.
 */
export class Migration20261129000000RepairRevocation extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      alter table credit_repair
        drop constraint credit_repair_status_check,
        drop constraint credit_repair_check1,
        add column revoked_at timestamptz null,
        add column revoked_by_commitment uuid null references commitment (id),
        add column revocation_reason text null;`);
    this.addSql(`
      alter table credit_repair
        add constraint credit_repair_status_check check (status in ('SUBMITTED','ACCEPTED','APPROVED','DENIED','REVOKED')),
        add constraint credit_repair_decided_check check ((status in ('APPROVED','DENIED','REVOKED')) = (decided_on is not null)),
        add constraint credit_repair_revoked_check check ((status = 'REVOKED') = (revoked_at is not null and revocation_reason is not null));`);
    this.addSql('drop index credit_repair_approved_idx;');
    this.addSql(
      `create index credit_repair_granted_idx on credit_repair (enterprise_uscc, decided_on desc) where status in ('APPROVED','REVOKED');`,
    );
  }

  override async down(): Promise<void> {
    this.addSql('drop index credit_repair_granted_idx;');
    this.addSql(
      `create index credit_repair_approved_idx on credit_repair (enterprise_uscc, decided_on desc) where status = 'APPROVED';`,
    );
    this.addSql(`
      alter table credit_repair
        drop constraint credit_repair_revoked_check,
        drop constraint credit_repair_decided_check,
        drop constraint credit_repair_status_check,
        drop column revocation_reason,
        drop column revoked_by_commitment,
        drop column revoked_at;`);
    this.addSql(`
      alter table credit_repair
        add constraint credit_repair_status_check check (status in ('SUBMITTED','ACCEPTED','APPROVED','DENIED')),
        add constraint credit_repair_check1 check ((status in ('APPROVED','DENIED')) = (decided_on is not null));`);
  }
}
