import { maskIdNumber, maskPhone } from '@/shared/id-card';
import { createConsent, createEnterprise, ORG } from '../helpers/factories';
import { startTestHub } from '../helpers/hub';
import type { As, TestHub } from '../helpers/hub';
import type { EnterpriseSeedRow } from '@/modules/enterprise/enterprise.factory';

/**
 * The exact visibility of every Enterprise field for every role (issue 2, DESIGN.md "Field-level
 * access"). Registration fields are public; the legal representative's ID number and phone go to
 * the regulator and the enterprise itself in full, to a bank masked and only under consent, and to
 * nobody else.
 */
let hub: TestHub;
let subject: EnterpriseSeedRow;
let other: EnterpriseSeedRow;

const QUERY = `query($uscc: String!) { enterprise(uscc: $uscc) {
  uscc name industryCode industryName districtCode establishedOn status registeredCapital address
  legalRepresentative { name idNumber phone } } }`;

type Seen = 'full' | 'masked' | 'FORBIDDEN';

interface Case {
  name: string;
  as: As | null;
  purpose?: string;
  idNumber: Seen;
  phone: Seen;
}

beforeAll(async () => {
  hub = await startTestHub();
  subject = await createEnterprise(hub.db.knex);
  other = await createEnterprise(hub.db.knex);
  await createConsent(hub.db.knex, { enterpriseUscc: subject.uscc, grantee: ORG.bankA, scopes: ['CONTACTS'] });
  // A credit agency holding a consent still may not read personal contact data.
  await createConsent(hub.db.knex, { enterpriseUscc: subject.uscc, grantee: ORG.agency, purpose: 'CREDIT_SERVICE', scopes: ['CONTACTS'] });
});
afterAll(() => hub.close());

// Built lazily: `subject` and `other` exist only after beforeAll.
const cases = (): Case[] => [
  { name: 'PUBLIC (no token)', as: null, idNumber: 'FORBIDDEN', phone: 'FORBIDDEN' },
  { name: 'ENTERPRISE itself', as: { role: 'ENTERPRISE', org: subject.uscc }, idNumber: 'full', phone: 'full' },
  { name: 'ENTERPRISE, another one', as: { role: 'ENTERPRISE', org: other.uscc }, idNumber: 'FORBIDDEN', phone: 'FORBIDDEN' },
  { name: 'BANK with consent', as: { role: 'BANK', org: ORG.bankA }, purpose: 'LOAN_APPLICATION', idNumber: 'masked', phone: 'masked' },
  { name: 'BANK without consent', as: { role: 'BANK', org: ORG.bankB }, purpose: 'LOAN_APPLICATION', idNumber: 'FORBIDDEN', phone: 'FORBIDDEN' },
  { name: 'BANK with consent but no declared purpose', as: { role: 'BANK', org: ORG.bankA }, idNumber: 'FORBIDDEN', phone: 'FORBIDDEN' },
  { name: 'GUARANTOR', as: { role: 'GUARANTOR', org: ORG.guarantor }, purpose: 'GUARANTEE', idNumber: 'FORBIDDEN', phone: 'FORBIDDEN' },
  { name: 'CREDIT_AGENCY (even with consent)', as: { role: 'CREDIT_AGENCY', org: ORG.agency }, purpose: 'CREDIT_SERVICE', idNumber: 'FORBIDDEN', phone: 'FORBIDDEN' },
  { name: 'APPROVER', as: { role: 'APPROVER', org: ORG.marketRegulator }, idNumber: 'FORBIDDEN', phone: 'FORBIDDEN' },
  { name: 'REGULATOR', as: { role: 'REGULATOR', org: ORG.marketRegulator }, idNumber: 'full', phone: 'full' },
  { name: 'ANALYST', as: { role: 'ANALYST' }, idNumber: 'FORBIDDEN', phone: 'FORBIDDEN' },
  { name: 'PLATFORM_ADMIN', as: { role: 'PLATFORM_ADMIN' }, idNumber: 'FORBIDDEN', phone: 'FORBIDDEN' },
];

const CASE_NAMES = [
  'PUBLIC (no token)',
  'ENTERPRISE itself',
  'ENTERPRISE, another one',
  'BANK with consent',
  'BANK without consent',
  'BANK with consent but no declared purpose',
  'GUARANTOR',
  'CREDIT_AGENCY (even with consent)',
  'APPROVER',
  'REGULATOR',
  'ANALYST',
  'PLATFORM_ADMIN',
];

describe('Enterprise field visibility by role', () => {
  it('covers every role', () => {
    subject ??= { uscc: 'x' } as EnterpriseSeedRow;
    other ??= { uscc: 'y' } as EnterpriseSeedRow;
    expect(new Set(cases().map((c) => c.as?.role ?? 'PUBLIC'))).toEqual(
      new Set(['PUBLIC', 'ENTERPRISE', 'BANK', 'GUARANTOR', 'CREDIT_AGENCY', 'APPROVER', 'REGULATOR', 'ANALYST', 'PLATFORM_ADMIN']),
    );
    expect(cases().map((c) => c.name)).toEqual(CASE_NAMES);
  });

  it.each(CASE_NAMES)('%s', async (name) => {
    const c = cases().find((x) => x.name === name)!;
    const res = await hub.gql(QUERY, { variables: { uscc: subject.uscc }, as: c.as, purpose: c.purpose });
    const e = res.data!.enterprise;

    // Registration fields: public for every role.
    expect(e).toMatchObject({
      uscc: subject.uscc,
      name: subject.name,
      industryCode: subject.industryCode,
      districtCode: subject.districtCode,
      establishedOn: subject.establishedOn,
      status: subject.status,
      registeredCapital: subject.registeredCapital,
      address: subject.address,
      legalRepresentative: { name: subject.legalRepresentativeName },
    });
    expect(typeof e.industryName).toBe('string');

    const expected = {
      idNumber: { full: subject.legalRepresentativeIdNumber, masked: maskIdNumber(subject.legalRepresentativeIdNumber), FORBIDDEN: null }[c.idNumber],
      phone: { full: subject.legalRepresentativePhone, masked: maskPhone(subject.legalRepresentativePhone), FORBIDDEN: null }[c.phone],
    };
    expect(e.legalRepresentative.idNumber).toBe(expected.idNumber);
    expect(e.legalRepresentative.phone).toBe(expected.phone);

    const forbiddenPaths = (res.errors ?? []).filter((x) => x.extensions?.code === 'FORBIDDEN').map((x) => x.path!.join('.'));
    const expectedForbidden = [
      ...(c.idNumber === 'FORBIDDEN' ? ['enterprise.legalRepresentative.idNumber'] : []),
      ...(c.phone === 'FORBIDDEN' ? ['enterprise.legalRepresentative.phone'] : []),
    ];
    expect(forbiddenPaths.sort()).toEqual(expectedForbidden.sort());
    expect((res.errors ?? []).length).toBe(expectedForbidden.length);
  });

  it('a masked ID number keeps its shape: 3 + 11 stars + 4', async () => {
    const res = await hub.gql(QUERY, { variables: { uscc: subject.uscc }, as: { role: 'BANK', org: ORG.bankA }, purpose: 'LOAN_APPLICATION' });
    expect(res.data!.enterprise.legalRepresentative.idNumber).toMatch(/^\d{3}\*{11}[\dX]{4}$/);
  });

  it('a bank consent for another purpose opens nothing (purpose mismatch → FORBIDDEN)', async () => {
    const res = await hub.gql(QUERY, { variables: { uscc: subject.uscc }, as: { role: 'BANK', org: ORG.bankA }, purpose: 'POST_LOAN_MONITORING' });
    expect(res.data!.enterprise.legalRepresentative.idNumber).toBeNull();
    expect(res.errors!.every((e) => e.extensions!.code === 'FORBIDDEN' && e.extensions!.reason === 'CONSENT_REQUIRED')).toBe(true);
  });
});
