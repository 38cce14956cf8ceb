/**
 * Demo credit records and financing data for the demo enterprises, generated deterministically
 * (for a given day: dates are placed relative to today so that "in window" and "expired" stay
 * true whenever the demo is loaded) and written through the same ingestion service as the API.
 *
 * The first enterprise by USCC is the showcase: a record of every kind, a penalty inside its
 * window and one outside, a repaired record (已修复), a disputed one (异议中), financing data and
 * a bank consent covering CREDIT_RECORDS — every visibility rule can be watched on it.
 */
import type { Knex } from '@mikro-orm/postgresql';
import { processCalendar } from '@/context';
import { creditRecordService } from '@/modules/credit-record';
import type { CreditRecordRowInput } from '@/modules/credit-record';
import { financingDataService } from '@/modules/financing-data';
import type { FinancingDataRowInput } from '@/modules/financing-data';
import { findDepartment } from '@/modules/ingestion/ingestion.engine';
import type { IngestionDeps } from '@/modules/ingestion/ingestion.engine';
import { createLogger } from '@/observability/logger';
import { addDays, beijingDate } from '@/shared/dates';
import { createRng } from '@/shared/random';

const SEED = 20261127;

const PENALTIES: readonly { vt: string; basis: string; cat: string[]; content: string; fine?: string }[] = [
  { vt: '虚假宣传', basis: '《中华人民共和国反不正当竞争法》第二十条', cat: ['FINE'], content: '罚款人民币贰万元整', fine: '2' },
  { vt: '未按规定明码标价', basis: '《明码标价和禁止价格欺诈规定》第二十一条', cat: ['WARNING'], content: '警告' },
  { vt: '超标排放大气污染物', basis: '《中华人民共和国大气污染防治法》第九十九条', cat: ['FINE'], content: '罚款人民币拾万元整', fine: '10' },
  { vt: '未按规定开展安全生产教育培训', basis: '《中华人民共和国安全生产法》第九十七条', cat: ['FINE'], content: '罚款人民币叁万元整', fine: '3' },
  { vt: '销售不符合食品安全标准的食品', basis: '《中华人民共和国食品安全法》第一百二十四条', cat: ['FINE', 'CONFISCATION_OF_ILLEGAL_GAINS'], content: '没收违法所得，罚款人民币伍万元', fine: '5' },
];

function penalty(uscc: string, id: string, decisionDate: string, severity: string, p = PENALTIES[0]!, extra: Partial<CreditRecordRowInput> = {}): CreditRecordRowInput {
  return {
    sourceRecordId: id,
    kind: 'ADMINISTRATIVE_PENALTY',
    uscc,
    documentNumber: `金执法〔${decisionDate.slice(0, 4)}〕${id.slice(-4)}号`,
    decisionDate,
    severity,
    violationType: p.vt,
    facts: `经查，当事人存在${p.vt}的违法行为。`,
    basis: p.basis,
    penaltyCategories: p.cat,
    content: p.content,
    fineAmount: p.fine ?? null,
    ...extra,
  };
}

function licence(uscc: string, id: string, decisionDate: string): CreditRecordRowInput {
  return {
    sourceRecordId: id,
    kind: 'ADMINISTRATIVE_LICENCE',
    uscc,
    documentNumber: `JY3310116${id.slice(-5)}`,
    decisionDate,
    licenceCategory: 'GENERAL',
    certificateName: '食品经营许可证',
    licenceNumber: `JY3310116${id.slice(-5)}`,
    content: '预包装食品销售（含冷藏冷冻食品）',
    validFrom: decisionDate,
    validUntil: addDays(decisionDate, 5 * 365),
  };
}

/** Rows per department, for the given Beijing date. */
export function demoCreditRecordRows(usccs: readonly string[], today: string): Map<string, CreditRecordRowInput[]> {
  const rng = createRng(SEED);
  const ago = (days: number) => addDays(today, -days);
  const by = new Map<string, CreditRecordRowInput[]>();
  const add = (dept: string, row: CreditRecordRowInput) => {
    const list = by.get(dept);
    if (list) list.push(row);
    else by.set(dept, [row]);
  };
  const s = usccs[0]!; // the showcase
  add('JS-SCJG', licence(s, 'DEMO-XK-00001', ago(400)));
  add('JS-SCJG', penalty(s, 'DEMO-CF-00001', ago(40), 'GENERAL')); // inside its window
  add('JS-SCJG', penalty(s, 'DEMO-CF-00002', ago(900), 'GENERAL', PENALTIES[4])); // expired
  add('JS-STHJ', penalty(s, 'DEMO-CF-00003', ago(420), 'SERIOUS', PENALTIES[2])); // repaired below
  add('JS-YJGL', penalty(s, 'DEMO-CF-00004', ago(20), 'GENERAL', PENALTIES[3])); // disputed below
  add('JS-SCJG', penalty(s, 'DEMO-CF-00005', ago(10), 'MINOR', PENALTIES[1], { summaryProcedure: true })); // 简易程序
  add('JS-STHJ', { sourceRecordId: 'DEMO-QZ-00001', kind: 'ADMINISTRATIVE_COERCION', uscc: s, documentNumber: '金环强〔2026〕0001号', decisionDate: ago(60), severity: 'GENERAL', title: '查封、扣押', content: '对超标排放的喷涂设备予以查封，期限30日。' });
  add('JS-FGW', { sourceRecordId: 'DEMO-YZ-00001', kind: 'SERIOUS_DISHONESTY_LIST', uscc: s, documentNumber: '金发改信〔2025〕0001号', decisionDate: ago(300), severity: 'SERIOUS', title: '拖欠农民工工资失信联合惩戒对象名单', content: '拖欠农民工工资数额较大，经责令仍拒不支付。' });
  add('JS-SCJG', { sourceRecordId: 'DEMO-YC-00001', kind: 'ABNORMAL_OPERATION_LIST', uscc: s, documentNumber: '金市监异〔2026〕0001号', decisionDate: ago(90), severity: 'GENERAL', content: '未按照规定期限公示年度报告' });
  add('JS-FGW', { sourceRecordId: 'DEMO-HON-00001', kind: 'HONOUR', uscc: s, documentNumber: '金府办〔2026〕0012号', decisionDate: ago(200), title: '上海市守合同重信用企业', content: '连续两年公示为守合同重信用企业' });
  add('JS-SCJG', { sourceRecordId: 'DEMO-WN-00001', kind: 'COMMITMENT_BREACH', uscc: s, documentNumber: '金市监诺〔2026〕0001号', decisionDate: ago(50), severity: 'GENERAL', title: '告知承诺核查不符', content: '承诺期限内未补交消防安全检查合格证明。' });
  add('JS-FGW', { sourceRecordId: 'DEMO-XS-00001', kind: 'CRIMINAL_JUDGMENT', uscc: s, documentNumber: '（2025）沪0116刑初0001号', decisionDate: ago(330), title: '污染环境罪', content: '判处被告单位罚金人民币二十万元。' });

  // The rest: licences for many, penalties and list entries for some, spread over four years.
  usccs.slice(1).forEach((u, i) => {
    const n = String(10_000 + i); // never one of the showcase ids above
    if (rng.chance(0.6)) add('JS-SCJG', licence(u, `DEMO-XK-${n}`, ago(rng.int(1, 1500))));
    if (rng.chance(0.3)) {
      const p = rng.pick(PENALTIES);
      add(rng.pick(['JS-SCJG', 'JS-STHJ', 'JS-YJGL', 'JS-CGZF']), penalty(u, `DEMO-CF-${n}`, ago(rng.int(1, 1400)), rng.pick(['MINOR', 'GENERAL', 'GENERAL', 'SERIOUS']), p));
    }
    if (rng.chance(0.05)) add('JS-SCJG', { sourceRecordId: `DEMO-YC-${n}`, kind: 'ABNORMAL_OPERATION_LIST', uscc: u, documentNumber: `金市监异〔2026〕${n}号`, decisionDate: ago(rng.int(1, 700)), severity: 'GENERAL', content: '通过登记的住所或者经营场所无法联系' });
    if (rng.chance(0.06)) add('JS-FGW', { sourceRecordId: `DEMO-HON-${n}`, kind: 'HONOUR', uscc: u, documentNumber: `金府办〔2026〕${n}号`, decisionDate: ago(rng.int(30, 700)), title: '金山区诚信示范企业' });
  });
  return by;
}

/** Tax grades, social insurance, housing fund and utilities for the first 120 enterprises. */
export function demoFinancingRows(usccs: readonly string[], today: string): Map<string, FinancingDataRowInput[]> {
  const rng = createRng(SEED + 1);
  const year = Number(today.slice(0, 4));
  const month = addDays(`${today.slice(0, 7)}-01`, -1).slice(0, 7); // the last complete month
  const tax: FinancingDataRowInput[] = [];
  const si: FinancingDataRowInput[] = [];
  const hf: FinancingDataRowInput[] = [];
  const ut: FinancingDataRowInput[] = [];
  usccs.slice(0, 120).forEach((u, i) => {
    for (const y of [year - 1, year - 2]) tax.push({ category: 'TAX_CREDIT_GRADE', uscc: u, period: String(y), taxCreditGrade: i === 0 ? 'A' : rng.pick(['A', 'B', 'B', 'B', 'M', 'C', 'D']) });
    const arrears = i !== 0 && rng.chance(0.1) ? rng.int(1, 6) : 0;
    si.push({ category: 'SOCIAL_INSURANCE', uscc: u, period: month, headcount: String(rng.int(1, 300)), monthsInArrears: String(arrears) });
    hf.push({ category: 'HOUSING_FUND', uscc: u, period: month, housingFundStatus: arrears ? 'IN_ARREARS' : 'NORMAL', monthsInArrears: String(arrears) });
    if (i === 0 || rng.chance(0.08)) {
      ut.push({ category: 'UTILITY', uscc: u, period: month, utility: rng.pick(['WATER', 'ELECTRICITY', 'GAS']), monthsInArrears: String(rng.int(1, 4)), arrearsYuan: (rng.int(10_000, 2_000_000) / 100).toFixed(2) });
    }
  });
  return new Map([
    ['JS-SWJ', tax],
    ['JS-RSJ', si],
    ['JS-GJJ', hf],
    ['JS-SHUIWU', ut],
  ]);
}

/** Loads the demo records through the ingestion service, then sets the repair and dispute marks. */
export async function seedDemoCreditRecords(knex: Knex, now: Date = new Date()): Promise<void> {
  const res = await knex.raw<{ rows: { uscc: string }[] }>('select uscc from enterprise order by uscc');
  const usccs = res.rows.map((r) => r.uscc);
  if (!usccs.length) return;
  const today = beijingDate(now);
  const deps: IngestionDeps = { knex, now: () => now, calendar: processCalendar(), log: createLogger('silent') };
  for (const [dept, rows] of demoCreditRecordRows(usccs, today)) {
    const org = await findDepartment(knex, dept);
    if (!org) continue;
    for (let i = 0; i < rows.length; i += 1000) await creditRecordService.ingestFor(deps, org, rows.slice(i, i + 1000));
  }
  for (const [dept, rows] of demoFinancingRows(usccs, today)) {
    const org = await findDepartment(knex, dept);
    if (org && rows.length) await financingDataService.ingestFor(deps, org, rows);
  }
  // The repair and objection workflows come later; until then their marks are set directly.
  await knex.raw(`update credit_record set repaired_at = ? where source_record_id = 'DEMO-CF-00003' and superseded_at is null`, [new Date(now.getTime() - 7 * 86_400_000)]);
  await knex.raw(`update credit_record set disputed_at = ? where source_record_id = 'DEMO-CF-00004' and superseded_at is null`, [new Date(now.getTime() - 2 * 86_400_000)]);
  // Bank ICBC may read the showcase's non-public records for a loan application.
  await knex.raw(
    `insert into consent (enterprise_uscc, grantee_org, purpose, scopes, valid_from, valid_until)
     values (?, 'BANK-ICBC-JS', 'LOAN_APPLICATION', ?::text[], ?, ?)`,
    [usccs[0], ['CREDIT_RECORDS'], new Date(now.getTime() - 86_400_000), new Date(now.getTime() + 180 * 86_400_000)],
  );
}
