import type { Viewer } from '@/access/viewer';
import type { AccessLogDraft } from './access-log.writer';

/**
 * Collects, during one request, every protected value served: one access-log entry per
 * enterprise, with the field coordinates and the consents that opened them. Flushed (and
 * committed) before the response leaves the hub.
 */
export class AccessRecorder {
  private readonly byEnterprise = new Map<string, { fields: Set<string>; consents: Set<string> }>();

  constructor(
    private readonly viewer: Viewer,
    private readonly requestId: string,
  ) {}

  record(enterpriseUscc: string, coordinate: string, consentId: string | null): void {
    let e = this.byEnterprise.get(enterpriseUscc);
    if (!e) {
      e = { fields: new Set(), consents: new Set() };
      this.byEnterprise.set(enterpriseUscc, e);
    }
    e.fields.add(coordinate);
    if (consentId) e.consents.add(consentId);
  }

  get size(): number {
    return this.byEnterprise.size;
  }

  /** The entries to write; the recorder is empty afterwards. */
  drain(at: Date): AccessLogDraft[] {
    const out: AccessLogDraft[] = [];
    for (const [uscc, e] of this.byEnterprise) {
      out.push({
        at,
        requestId: this.requestId,
        principal: this.viewer.subject,
        role: this.viewer.role,
        org: this.viewer.org,
        enterpriseUscc: uscc,
        fields: [...e.fields].sort(),
        purpose: this.viewer.purpose,
        consentIds: [...e.consents].sort(),
      });
    }
    this.byEnterprise.clear();
    return out;
  }
}
