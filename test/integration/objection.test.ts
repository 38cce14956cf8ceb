import { createCreditRecord, createEnterprise, ORG } from '../helpers/factories';
import { startTestHub } from '../helpers/hub';
import type { As, GqlResult, TestHub } from '../helpers/hub';
import type { EnterpriseSeedRow } from '@/modules/enterprise/enterprise.factory';

/**
 * Objections (异议), issue 3 item 4 — DOMAIN.md §4, DESIGN.md "Objections": the record is marked
 * disputed at once for everyone who may see it; the record's department accepts or rejects and
 * closes as corrected / upheld (mark removed) / unresolved (both sides recorded); deadlines in
 * working days; the department's queue lists overdue items first. The hub's clock is injected.
 */
const NOW = new Date('2026-11-20T04:00:00Z'); // Friday 12:00 in Beijing
let clock = NOW;

let hub: TestHub;
let subject: EnterpriseSeedRow;
let other: EnterpriseSeedRow;

const SCJG = ORG.marketRegulator; // 市场监管局: the records' department
const regulator: As = { role: 'REGULATOR', org: SCJG };
const otherRegulator: As = { role: 'REGULATOR', org: 'JS-SWJ' };
const otherApprover: As = { role: 'APPROVER', org: 'JS-SWJ' };
let owner: As;

const FILE = `mutation($input: FileObjectionInput!) { fileObjection(input: $input) {
  id status recordId department grounds statement evidence { name kind sha256 url }
  acceptanceDeadline { date workingDays provisional } currentDeadline { date } overdue } }`;
const ACCEPT = `mutation($id: ID!) { acceptObjection(id: $id) { id status verificationDeadline { date workingDays provisional } currentDeadline { date } } }`;
const REJECT = `mutation($id: ID!, $reason: String!) { rejectObjection(id: $id, reason: $reason) { id status rejectionReason closedAt currentDeadline { date } } }`;
const CLOSE = `mutation($id: ID!, $outcome: ObjectionOutcome!, $note: String!) { closeObjection(id: $id, outcome: $outcome, note: $note) { id status outcomeNote statement } }`;
const RECORDS = `query($u: String!) { enterprise(uscc: $u) { creditRecords(first: 50) { edges { node { id disputed objectionStatus } } } } }`;
const RECORD_OBJECTIONS = `query($u: String!) { enterprise(uscc: $u) { creditRecords(first: 50) { edges { node { id
  objections { id status statement outcomeNote } } } } } }`;

const SHA = 'a'.repeat(64);

function codes(res: GqlResult): (string | undefined)[] {
  return (res.errors ?? []).map((e) => e.extensions?.code);
}

async function file(recordId: string, as: As = owner, extra: Record<string, unknown> = {}) {
  return hub.gql(FILE, {
    as,
    variables: {
      input: {
        recordId,
        grounds: 'ERROR',
        statement: '罚款金额与决定书不一致，决定书载明为壹万元。',
        evidence: [
          {
            name: '行政处罚决定书',
            kind: 'ADMINISTRATIVE_DECISION',
            sha256: SHA,
            url: 'https://example.org/d.pdf',
          },
        ],
        ...extra,
      },
    },
  });
}

async function recordView(as: As | null, recordId: string, uscc = subject.uscc) {
  const res = await hub.gql(RECORDS, { as, variables: { u: uscc } });
  expect(res.errors).toBeUndefined();
  return (
    res
      .data!.enterprise.creditRecords.edges.map((e: any) => e.node)
      .find((n: any) => n.id === recordId) ?? null
  );
}

async function newPenalty(department: string = SCJG, uscc = subject.uscc): Promise<string> {
  // RULES_2026, GENERAL, decided 2026-10-01: public until 2027-09-30.
  return (
    await createCreditRecord(hub.db.knex, {
      enterpriseUscc: uscc,
      decisionDate: '2026-10-01',
      severity: 'GENERAL',
      department,
    })
  ).recordId;
}

beforeAll(async () => {
  hub = await startTestHub({ now: () => clock });
  subject = await createEnterprise(hub.db.knex);
  other = await createEnterprise(hub.db.knex);
  owner = { role: 'ENTERPRISE', org: subject.uscc };
});
afterAll(() => hub.close());
afterEach(() => {
  clock = NOW;
});

describe('filing an objection', () => {
  let recordId: string;
  let objectionId: string;

  beforeAll(async () => {
    recordId = await newPenalty();
  });

  it('the enterprise files; deadlines are working days from the filing date', async () => {
    const res = await file(recordId);
    expect(res.errors).toBeUndefined();
    const o = res.data!.fileObjection;
    objectionId = o.id;
    expect(o).toMatchObject({
      status: 'RECEIVED',
      recordId,
      department: SCJG,
      grounds: 'ERROR',
      // Filed Friday 2026-11-20: 2 working days → Tuesday 11-24.
      acceptanceDeadline: { date: '2026-11-24', workingDays: 2, provisional: false },
      currentDeadline: { date: '2026-11-24' },
      overdue: false,
      evidence: [
        {
          name: '行政处罚决定书',
          kind: 'ADMINISTRATIVE_DECISION',
          sha256: SHA,
          url: 'https://example.org/d.pdf',
        },
      ],
    });
  });

  it('the disputed mark shows AT ONCE for everyone who may see the record: PUBLIC (in-window penalty), REGULATOR, the enterprise', async () => {
    for (const as of [null, regulator, owner, { role: 'ENTERPRISE', org: other.uscc } as As]) {
      const node = await recordView(as, recordId);
      expect(node).toEqual({ id: recordId, disputed: true, objectionStatus: 'UNDER_OBJECTION' });
    }
  });

  it('CreditRecord.objections: the enterprise itself and regulators; PUBLIC and another enterprise get FORBIDDEN', async () => {
    for (const as of [owner, regulator, otherRegulator]) {
      const res = await hub.gql(RECORD_OBJECTIONS, { as, variables: { u: subject.uscc } });
      expect(res.errors).toBeUndefined();
      const node = res
        .data!.enterprise.creditRecords.edges.map((e: any) => e.node)
        .find((n: any) => n.id === recordId);
      expect(node.objections).toEqual([
        {
          id: objectionId,
          status: 'RECEIVED',
          statement: expect.stringContaining('罚款金额'),
          outcomeNote: null,
        },
      ]);
    }
    for (const as of [null, { role: 'ENTERPRISE', org: other.uscc } as As]) {
      const res = await hub.gql(RECORD_OBJECTIONS, { as, variables: { u: subject.uscc } });
      const node = res
        .data!.enterprise.creditRecords.edges.map((e: any) => e.node)
        .find((n: any) => n.id === recordId);
      expect(node.objections).toBeNull();
      expect(new Set(codes(res))).toEqual(new Set(['FORBIDDEN']));
    }
  });

  it('filing again while it is open is a CONFLICT and never creates a second objection', async () => {
    const res = await file(recordId);
    expect(res.errors![0]!.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'OBJECTION_ALREADY_OPEN',
    });
    expect(
      await hub.sql('select count(*)::int as n from objection where record_id = ?', [recordId]),
    ).toEqual([{ n: 1 }]);
  });

  it('another enterprise cannot object to the record: NOT_FOUND (its existence is not revealed)', async () => {
    const res = await file(recordId, { role: 'ENTERPRISE', org: other.uscc });
    expect(codes(res)).toEqual(['NOT_FOUND']);
  });

  it('only enterprises file (operation rule); bad ids and inputs are BAD_USER_INPUT with the field', async () => {
    expect(codes(await file(recordId, regulator))).toEqual(['FORBIDDEN']);
    expect(codes(await file(recordId, null as unknown as As))).toEqual(['UNAUTHENTICATED']);
    const bad = await file('not-a-uuid');
    expect(bad.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.recordId',
      reason: 'INVALID_ID',
    });
    const sha = await file(recordId, owner, {
      evidence: [{ name: 'x', kind: 'OTHER', sha256: 'zz' }],
    });
    expect(sha.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.evidence[0].sha256',
      reason: 'INVALID_SHA256',
    });
    const empty = await file(recordId, owner, { statement: '   ' });
    expect(empty.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.statement',
      reason: 'REQUIRED',
    });
  });

  it('another department cannot act: its regulator gets FORBIDDEN, its approver NOT_FOUND; nothing changes', async () => {
    const r1 = await hub.gql(ACCEPT, { as: otherRegulator, variables: { id: objectionId } });
    expect(r1.errors![0]!.extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'NOT_OWN_DEPARTMENT',
    });
    const r2 = await hub.gql(ACCEPT, { as: otherApprover, variables: { id: objectionId } });
    expect(codes(r2)).toEqual(['NOT_FOUND']);
    const r3 = await hub.gql(ACCEPT, { as: owner, variables: { id: objectionId } });
    expect(codes(r3)).toEqual(['FORBIDDEN']);
    expect(await hub.sql('select status from objection where id = ?', [objectionId])).toEqual([
      { status: 'RECEIVED' },
    ]);
  });

  it('invalid transitions are CONFLICT with a reason (close before accepting)', async () => {
    const res = await hub.gql(CLOSE, {
      as: regulator,
      variables: { id: objectionId, outcome: 'UPHELD', note: '核查无误' },
    });
    expect(res.errors![0]!.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'INVALID_TRANSITION',
    });
  });

  it('the department accepts; the verification deadline runs 10 working days from acceptance; accepting twice is CONFLICT', async () => {
    const res = await hub.gql(ACCEPT, { as: regulator, variables: { id: objectionId } });
    expect(res.errors).toBeUndefined();
    expect(res.data!.acceptObjection).toEqual({
      id: objectionId,
      status: 'ACCEPTED',
      // 11-23 … 11-27, 11-30, 12-01 … 12-04.
      verificationDeadline: { date: '2026-12-04', workingDays: 10, provisional: false },
      currentDeadline: { date: '2026-12-04' },
    });
    expect((await recordView(null, recordId)).disputed).toBe(true);
    const again = await hub.gql(ACCEPT, { as: regulator, variables: { id: objectionId } });
    expect(again.errors![0]!.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'INVALID_TRANSITION',
    });
    const reject = await hub.gql(REJECT, {
      as: regulator,
      variables: { id: objectionId, reason: '晚了' },
    });
    expect(reject.errors![0]!.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'INVALID_TRANSITION',
    });
  });

  it('UPHELD: the record stands and the mark is removed for everyone', async () => {
    const res = await hub.gql(CLOSE, {
      as: regulator,
      variables: { id: objectionId, outcome: 'UPHELD', note: '经核查，处罚信息与决定书一致。' },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.closeObjection).toMatchObject({
      status: 'UPHELD',
      outcomeNote: '经核查，处罚信息与决定书一致。',
    });
    for (const as of [null, regulator, owner]) {
      expect(await recordView(as, recordId)).toEqual({
        id: recordId,
        disputed: false,
        objectionStatus: 'NONE',
      });
    }
    const again = await hub.gql(CLOSE, {
      as: regulator,
      variables: { id: objectionId, outcome: 'CORRECTED', note: 'x' },
    });
    expect(again.errors![0]!.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'INVALID_TRANSITION',
    });
  });

  it('after closing, the enterprise may object again (a new objection, not the old one reopened)', async () => {
    const res = await file(recordId, owner, { grounds: 'OVERDUE_PUBLICITY' });
    expect(res.data!.fileObjection.status).toBe('RECEIVED');
    const rej = await hub.gql(REJECT, {
      as: { role: 'PLATFORM_ADMIN' },
      variables: { id: res.data!.fileObjection.id, reason: '仍在公示期内，不属于超期公示。' },
    });
    expect(rej.data!.rejectObjection).toMatchObject({
      status: 'REJECTED',
      rejectionReason: '仍在公示期内，不属于超期公示。',
      currentDeadline: null,
    });
    expect((await recordView(null, recordId)).disputed).toBe(false);
  });
});

describe('outcomes', () => {
  it('UNRESOLVED: both sides stay on record; the record carries the note UNRESOLVED for everyone who sees it', async () => {
    const recordId = await newPenalty();
    const filed = await file(recordId, owner, {
      grounds: 'MISMATCH_WITH_AUTHORITY',
      statement: '认定机关记录显示已撤销。',
    });
    const id = filed.data!.fileObjection.id;
    await hub.gql(ACCEPT, { as: { role: 'APPROVER', org: SCJG }, variables: { id } });
    const closed = await hub.gql(CLOSE, {
      as: regulator,
      variables: { id, outcome: 'UNRESOLVED', note: '认定机关未能提供撤销文书，无法确认。' },
    });
    expect(closed.errors).toBeUndefined();
    expect(closed.data!.closeObjection).toEqual({
      id,
      status: 'UNRESOLVED',
      statement: '认定机关记录显示已撤销。',
      outcomeNote: '认定机关未能提供撤销文书，无法确认。',
    });
    for (const as of [null, regulator, owner]) {
      expect(await recordView(as, recordId)).toEqual({
        id: recordId,
        disputed: false,
        objectionStatus: 'UNRESOLVED',
      });
    }
    // Both sides, for those who may read the objection.
    for (const as of [owner, regulator]) {
      const res = await hub.gql(RECORD_OBJECTIONS, { as, variables: { u: subject.uscc } });
      const node = res
        .data!.enterprise.creditRecords.edges.map((e: any) => e.node)
        .find((n: any) => n.id === recordId);
      expect(node.objections[0]).toMatchObject({
        status: 'UNRESOLVED',
        statement: '认定机关记录显示已撤销。',
        outcomeNote: '认定机关未能提供撤销文书，无法确认。',
      });
    }
  });

  it('CORRECTED: the outcome is recorded and the mark removed', async () => {
    const recordId = await newPenalty();
    const id = (await file(recordId)).data!.fileObjection.id;
    await hub.gql(ACCEPT, { as: regulator, variables: { id } });
    const closed = await hub.gql(CLOSE, {
      as: regulator,
      variables: { id, outcome: 'CORRECTED', note: '金额录入错误，已报送更正。' },
    });
    expect(closed.data!.closeObjection.status).toBe('CORRECTED');
    expect(await recordView(regulator, recordId)).toEqual({
      id: recordId,
      disputed: false,
      objectionStatus: 'NONE',
    });
  });

  it("myObjections lists the enterprise's own objections, newest first; another enterprise sees none of them", async () => {
    const mine = await hub.gql(
      `{ myObjections(first: 50) { totalCount edges { node { enterpriseUscc status } } } }`,
      { as: owner },
    );
    expect(mine.errors).toBeUndefined();
    expect(mine.data!.myObjections.totalCount).toBeGreaterThanOrEqual(4);
    expect(new Set(mine.data!.myObjections.edges.map((e: any) => e.node.enterpriseUscc))).toEqual(
      new Set([subject.uscc]),
    );
    const theirs = await hub.gql(`{ myObjections { totalCount } }`, {
      as: { role: 'ENTERPRISE', org: other.uscc },
    });
    expect(theirs.data!.myObjections.totalCount).toBe(0);
    expect(codes(await hub.gql(`{ myObjections { totalCount } }`, { as: regulator }))).toEqual([
      'FORBIDDEN',
    ]);
  });
});

describe('the department queue', () => {
  // A department of its own, so the queue holds exactly these objections.
  const STHJ = 'JS-STHJ';
  const sthj: As = { role: 'APPROVER', org: STHJ };
  const ids: Record<string, string> = {};
  const QUEUE = `query($d: String, $first: Int, $after: String) { objectionQueue(department: $d, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { id status overdue currentDeadline { date } } } } }`;

  const at = (iso: string) => {
    clock = new Date(iso);
  };

  beforeAll(async () => {
    const filedAt = async (name: string, when: string, accept = false) => {
      const recordId = await newPenalty(STHJ);
      at(when);
      const res = await file(recordId);
      ids[name] = res.data!.fileObjection.id;
      if (accept) await hub.gql(ACCEPT, { as: sthj, variables: { id: ids[name] } });
      clock = NOW;
    };
    await filedAt('a', '2026-11-02T02:00:00Z'); // accept by 11-04: overdue on 11-20
    await filedAt('b', '2026-11-19T02:00:00Z'); // accept by 11-23
    await filedAt('c', '2026-11-10T02:00:00Z', true); // accepted 11-10: verify by 11-24
    await filedAt('d', '2026-11-16T02:00:00Z'); // accept by 11-18: overdue
  });

  it('lists overdue items first, then by deadline (clock injected)', async () => {
    const res = await hub.gql(QUEUE, { as: sthj, variables: {} });
    expect(res.errors).toBeUndefined();
    const nodes = res.data!.objectionQueue.edges.map((e: any) => e.node);
    expect(nodes.map((n: any) => [n.id, n.overdue, n.currentDeadline.date])).toEqual([
      [ids.a, true, '2026-11-04'],
      [ids.d, true, '2026-11-18'],
      [ids.b, false, '2026-11-23'],
      [ids.c, false, '2026-11-24'],
    ]);
    expect(res.data!.objectionQueue.totalCount).toBe(4);
  });

  it('pages by cursor without overlap, with the same number of SQL statements whatever the page size', async () => {
    const page1 = await hub.gql(QUEUE, { as: sthj, variables: { first: 3 } });
    const p1 = page1.data!.objectionQueue;
    expect(p1.pageInfo.hasNextPage).toBe(true);
    const page2 = await hub.gql(QUEUE, {
      as: sthj,
      variables: { first: 3, after: p1.pageInfo.endCursor },
    });
    const all = [...p1.edges, ...page2.data!.objectionQueue.edges].map((e: any) => e.node.id);
    expect(all).toEqual([ids.a, ids.d, ids.b, ids.c]);

    const Q = `query($first: Int) { objectionQueue(first: $first) { totalCount edges { node { id statement record { id disputed } } } } }`;
    const small = await hub.countSql(() =>
      hub.gql(Q, { as: { role: 'REGULATOR', org: STHJ }, variables: { first: 1 } }),
    );
    const large = await hub.countSql(() =>
      hub.gql(Q, { as: { role: 'REGULATOR', org: STHJ }, variables: { first: 4 } }),
    );
    expect(small.result.errors).toBeUndefined();
    expect(large.result.data!.objectionQueue.edges).toHaveLength(4);
    expect(large.result.data!.objectionQueue.edges[0].node.record).toMatchObject({
      disputed: true,
    });
    expect(large.statements).toBe(small.statements);
  });

  it("department staff read only their own department's queue; the operator any", async () => {
    const own = await hub.gql(QUEUE, { as: regulator, variables: {} });
    expect(own.data!.objectionQueue.edges.map((e: any) => e.node.id)).not.toContain(ids.a);
    const foreign = await hub.gql(QUEUE, { as: regulator, variables: { d: STHJ } });
    expect(foreign.errors![0]!.extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'NOT_OWN_DEPARTMENT',
    });
    const admin = await hub.gql(QUEUE, { as: { role: 'PLATFORM_ADMIN' }, variables: { d: STHJ } });
    expect(admin.data!.objectionQueue.totalCount).toBe(4);
    expect(codes(await hub.gql(QUEUE, { as: owner, variables: {} }))).toEqual(['FORBIDDEN']);
  });
});
