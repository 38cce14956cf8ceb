/**
 * Demo organizations of Jinshan district: the departments that supply and use credit data, three
 * bank branches, the policy guarantor and one fictional credit service agency.
 *
 * Names are the real bodies' names (those marked [M] are from memory and unverified); every USCC
 * here is SYNTHETIC — built with makeUscc so it passes GB 32100-2015, but it is not the body's
 * registered code. Do not show these codes as real.
 */
import { makeUscc } from '@/shared/uscc';

export type OrganizationKind = 'DEPARTMENT' | 'BANK' | 'GUARANTOR' | 'CREDIT_AGENCY';

export interface OrganizationSeed {
  /** short, stable, upper case; referenced by tokens and seeds */
  code: string;
  name: string;
  kind: OrganizationKind;
  uscc: string | null;
  /** the credit domain (信用领域) a department is responsible for; null for non-departments */
  domain: string | null;
}

const JINSHAN = '310116';
const SHANGHAI = '310000';

/** Synthetic 8-character body: 'MB2' + 5 digits of an affine permutation of n (机关 style). */
function departmentBody(n: number): string {
  return 'MB2' + String((n * 7919 + 31_416) % 100_000).padStart(5, '0');
}

const DEPARTMENTS: readonly [code: string, name: string, domain: string][] = [
  ['JS-FGW', '上海市金山区发展和改革委员会', '发展改革'], // runs the public credit platform
  ['JS-SCJG', '上海市金山区市场监督管理局', '市场监管'],
  ['JS-SWJ', '国家税务总局上海市金山区税务局', '税务'],
  ['JS-STHJ', '上海市金山区生态环境局', '生态环境'],
  ['JS-RSJ', '上海市金山区人力资源和社会保障局', '人社'],
  ['JS-YJGL', '上海市金山区应急管理局', '安全生产'],
  ['JS-JSGW', '上海市金山区建设和管理委员会', '住建'],
  ['JS-XFJY', '上海市金山区消防救援支队', '消防'], // [M] name unverified
  ['JS-WJW', '上海市金山区卫生健康委员会', '卫生健康'],
  ['JS-JTW', '上海市金山区交通委员会', '交通运输'],
  ['JS-CGZF', '上海市金山区城市管理行政执法局', '城管执法'],
  ['JS-WLJ', '上海市金山区文化和旅游局', '文化旅游'],
  ['JS-NYNC', '上海市金山区农业农村委员会', '农业农村'],
  ['JS-SHUIWU', '上海市金山区水务局', '水务'],
  ['JS-GHZY', '上海市金山区规划和自然资源局', '规划资源'],
  ['JS-GJJ', '上海市住房公积金管理中心金山分中心', '公积金'], // [M] name unverified
];

export const DEMO_ORGANIZATIONS: readonly OrganizationSeed[] = [
  // 机关: GB 32100-2015 registration prefix 1 (机构编制), category 1 (机关).
  ...DEPARTMENTS.map(([code, name, domain], i): OrganizationSeed => ({
    code,
    name,
    kind: 'DEPARTMENT',
    uscc: makeUscc('11', JINSHAN, departmentBody(i + 1)),
    domain,
  })),
  // Bank branches: prefix 9-1 (企业). 'X0…' bodies cannot collide with enterprise.factory rows.
  {
    code: 'BANK-ICBC-JS',
    name: '中国工商银行股份有限公司上海市金山支行',
    kind: 'BANK',
    uscc: makeUscc('91', JINSHAN, 'X0710131'),
    domain: null,
  },
  {
    code: 'BANK-SRCB-JS',
    name: '上海农村商业银行股份有限公司金山支行',
    kind: 'BANK',
    uscc: makeUscc('91', JINSHAN, 'X0710452'),
    domain: null,
  },
  {
    code: 'BANK-SPDB-JS',
    name: '上海浦东发展银行股份有限公司金山支行',
    kind: 'BANK',
    uscc: makeUscc('91', JINSHAN, 'X0710873'),
    domain: null,
  },
  // 事业单位: prefix 1-2.
  {
    code: 'GUAR-SHFUND',
    name: '上海市中小微企业政策性融资担保基金管理中心',
    kind: 'GUARANTOR',
    uscc: makeUscc('12', SHANGHAI, 'MB2K0176'),
    domain: null,
  },
  // Fictional on purpose: no real agency is implied.
  {
    code: 'AGENCY-CREDIT-1',
    name: '上海某某信用服务有限公司（虚构演示机构）',
    kind: 'CREDIT_AGENCY',
    uscc: makeUscc('91', JINSHAN, 'X0799001'),
    domain: null,
  },
];
