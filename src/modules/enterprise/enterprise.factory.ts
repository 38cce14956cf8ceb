/**
 * Deterministic synthetic enterprises for the demo and scale seeds. Every value is invented: the
 * codes are well-formed (GB 32100-2015, GB 11643-1999) but no row describes a real registration.
 *
 * Uniqueness does not depend on the random stream: the USCC body and the trade name (字号) are
 * bijections of `index`, so any seed gives unique codes and names for every index below
 * MAX_ENTERPRISE_INDEX.
 */
import type { Rng } from '@/shared/random';
import { makeUscc } from '@/shared/uscc';
import { idCardCheckChar } from '@/shared/id-card';

export type EnterpriseStatus = 'ACTIVE' | 'REVOKED' | 'CANCELLED' | 'MOVED_OUT';

export interface EnterpriseSeedRow {
  uscc: string;
  name: string;
  industryCode: string;
  districtCode: string;
  /** 'YYYY-MM-DD' */
  establishedOn: string;
  /** 存续 / 吊销 / 注销 / 迁出 */
  status: EnterpriseStatus;
  /** 万元, two decimals, e.g. '500.00' */
  registeredCapital: string;
  address: string;
  legalRepresentativeName: string;
  legalRepresentativeIdNumber: string;
  legalRepresentativePhone: string;
}

/** Indexes 0 … MAX_ENTERPRISE_INDEX − 1 are supported (the numeric org-code space, 10^8). */
export const MAX_ENTERPRISE_INDEX = 100_000_000;

const JINSHAN = '310116';

// ---------------------------------------------------------------------------------------------
// Name tables. Every trade-name unit is exactly two characters, and no industry word starts with
// a unit, which is what makes names built from distinct unit sequences distinct (see the test).

/** 字号 units: pleasant two-character trade names, no famous brands. */
const BRANDS: readonly string[] = (
  '金泽 嘉禾 华峰 恒达 新康 海鸿 宏远 鑫源 瑞丰 永盛 福临 德隆 东升 旭日 锦程 博瑞 天成 安泰 ' +
  '汇通 众合 聚鑫 弘毅 信诚 佳和 长青 春晖 明达 英华 振华 荣昌 丰泽 润发 泰和 祥瑞 凯达 盛源 ' +
  '友联 同创 和美 欣悦 晨光 曙光 远航 领航 卓越 宏图 鼎盛 鼎新 铭泰 华信 华晟 恒昌 恒信 恒通 ' +
  '嘉信 嘉诚 嘉泰 嘉悦 金城 金鼎 金穗 银河 玉龙 翔宇 飞鸿 鸿运 鸿泰 鸿基 宏达 宏伟 宏盛 伟业 ' +
  '兴盛 兴达 兴华 兴旺 兴隆 昌盛 昌隆 隆盛 隆源 瑞祥 瑞安 瑞达 瑞华 瑞兴 祥和 祥泰 吉祥 福瑞 ' +
  '福泰 福源 富康 富源 富盛 康泰 康达 康宁 安康 安达 安盛 永安 永泰 永发 永兴 长兴 长盛 久隆 ' +
  '天润 天泽 天翔 天宇 天诚 天源 海纳 海润 海宁 海盛 海泰 浦江 江南 江海 沪联 申华 申达 东方 ' +
  '东海 东旭 南洋 北辰 西林 中天 中和 中联 正阳 正信 诚信 诚达 信达 信和 立信 立达 利民 利华 ' +
  '利达 德润 德信 德盛 德尚 尚品 优品 精诚 精艺 科达 科瑞 科隆 创元 元亨 元泰 亨通 通达 通和 ' +
  '和顺 和泰 和盛 合力 合众 群英 英杰 杰瑞 卓信 卓达 博远 博达 博文 文华 华美 美嘉 美裕 裕丰 ' +
  '裕隆 裕华 丰华 丰源 源通 润泽 泽丰 绿源 绿洲 青松 松林 翠湖 碧海 蓝天 云帆 风华 春华 秋实 ' +
  '晨曦 朝阳 旭升 阳光 星辰 星火 明珠 明远 远大 远景 景泰 景和 锦华 锦绣 锦泰 锦隆 金辉 金盛 ' +
  '金源 金瑞 银丰 宝丰 宝华 宝盛 佳美 佳信 佳诚 一诺 万和 万通 万隆 万盛 千禧 百川 百合 新宇 ' +
  '新元 新源 新程 新亚 新锐 锐达 锐思 思源 凯盛 凯瑞 凯旋 凯丰 浩瀚 浩达 浩然 振兴 振宇 宇航 ' +
  '捷通 迅达 腾飞 腾达 骏马 鲲鹏 鹏程 鹏飞 飞跃 华亭 伟鑫 益华 益民 惠民 惠丰 汇丰 汇源 ' +
  '众鑫 众诚 协力 协和 恒兴 恒盛 恒瑞 同德 同益 同舟'
).split(' ');

interface Town {
  /** as written in an address, e.g. '朱泾镇' */
  name: string;
  /** two-character form used as a name disambiguator */
  short: string;
  roads: readonly string[];
}

/** Towns and streets (镇、街道) of Jinshan district, with roads for synthetic addresses. */
const JINSHAN_TOWNS: readonly Town[] = [
  { name: '朱泾镇', short: '朱泾', roads: ['万安街', '临源街', '沈浦泾路', '健康路', '朱平公路'] },
  {
    name: '枫泾镇',
    short: '枫泾',
    roads: ['朱枫公路', '亭枫公路', '新枫路', '环东一路', '曹黎路'],
  },
  { name: '张堰镇', short: '张堰', roads: ['松金公路', '振康路', '新华路', '金张公路', '旭升路'] },
  { name: '亭林镇', short: '亭林', roads: ['亭林路', '松隐路', '寺平路', '林盛路', '亭卫公路'] },
  { name: '吕巷镇', short: '吕巷', roads: ['干巷路', '吕青路', '朱吕公路', '溪北路'] },
  { name: '廊下镇', short: '廊下', roads: ['廊下路', '漕廊公路', '景乐路', '友好路'] },
  { name: '金山卫镇', short: '卫城', roads: ['卫通路', '秋实路', '古城路', '张卫公路', '南门路'] },
  { name: '漕泾镇', short: '漕泾', roads: ['漕廊公路', '海兴路', '阮巷路', '亭卫南路'] },
  { name: '山阳镇', short: '山阳', roads: ['亭卫公路', '海盛路', '卫昌路', '龙胜路', '板桥西路'] },
  {
    name: '石化街道',
    short: '石化',
    roads: ['卫零路', '蒙山路', '金一东路', '卫清西路', '学府路'],
  },
  { name: '金山工业区', short: '兴塔', roads: ['夏宁路', '定业路', '金百路', '揽工路', '林盛路'] },
];

const TOWN_SHORTS: readonly string[] = JINSHAN_TOWNS.map((t) => t.short);

/** Roads for districts other than Jinshan (no town level). */
const GENERIC_ROADS: readonly string[] = [
  '中山路',
  '人民路',
  '建设路',
  '解放路',
  '新华路',
  '和平路',
];

/** GB/T 2260 district codes of Shanghai. */
const SHANGHAI_DISTRICTS: Readonly<Record<string, string>> = {
  '310101': '黄浦区',
  '310104': '徐汇区',
  '310105': '长宁区',
  '310106': '静安区',
  '310107': '普陀区',
  '310109': '虹口区',
  '310110': '杨浦区',
  '310112': '闵行区',
  '310113': '宝山区',
  '310114': '嘉定区',
  '310115': '浦东新区',
  '310116': '金山区',
  '310117': '松江区',
  '310118': '青浦区',
  '310120': '奉贤区',
  '310151': '崇明区',
};

/** Space-separated words → array; keeps the tables below compact. */
function words(list: string): readonly string[] {
  return list.split(' ');
}

/** Industry words (行业表述) of 企业 names, by GB/T 4754-2017 section. */
const INDUSTRY_WORDS: Readonly<Record<string, readonly string[]>> = {
  A: words('农业发展 农业科技 生态农业 苗木 水产养殖 果蔬种植'),
  B: words('矿业 砂石 石材'),
  C: words(
    '机械制造 化工科技 食品 服装 新材料 印务 电子科技 塑料制品 精密机械 汽车零部件 制药 ' +
      '包装材料 五金制品 纺织 金属制品 环保设备 电气 模具 家具 涂料 橡塑制品 光电科技',
  ),
  D: words('新能源 燃气 热电 供水'),
  E: words('建设工程 建筑装饰工程 安装工程 市政工程 建筑劳务 钢结构工程 防水工程'),
  F: words(
    '贸易 商贸 进出口 实业 建材 五金交电 医疗器械 化工 钢材 电子商务 农副产品 汽车销售 食品销售',
  ),
  G: words('物流 运输 仓储 货运代理 国际货运代理 冷链物流'),
  H: words('餐饮管理 酒店管理 餐饮 宾馆'),
  I: words('信息技术 软件 网络科技 数据科技 智能科技 通信技术'),
  J: words('融资租赁 小额贷款 典当 保险代理'),
  K: words('房地产开发 物业管理 置业 房地产经纪'),
  L: words('企业管理 商务咨询 人力资源 投资管理 会展服务 广告 企业管理咨询 供应链管理'),
  M: words('检测技术 工程设计 生物科技 环境科技 工程技术 检验检测 测绘'),
  N: words('园林绿化 环境治理 环卫服务 景区管理'),
  O: words('家政服务 汽车维修 保洁服务 洗涤服务 家电维修'),
  P: words('职业技能培训 驾驶员培训'),
  Q: words('养老服务 门诊部 护理院'),
  R: words('文化传播 体育发展 影视文化 文化艺术 健身服务 演艺'),
  // S and T have weight 0 for enterprises; words only so every section has an entry.
  S: words('社会服务'),
  T: words('国际交流'),
};

/** Section weights (per mille) for 企业 ('91'), roughly an industrial suburb's register. */
const COMPANY_SECTION_WEIGHTS: Readonly<Record<string, number>> = {
  ...{ A: 30, B: 3, C: 220, D: 7, E: 60, F: 250, G: 50, H: 30, I: 40 },
  ...{ J: 5, K: 20, L: 120, M: 80, N: 15, O: 30, P: 5, Q: 5, R: 30 },
};

/** 个体工商户 ('92') words, each ending in a shop form (店, 商行, 部 …). GB 32100-2015 9-2. */
const INDIVIDUAL_WORDS: Readonly<Record<string, readonly string[]>> = {
  C: words('服装加工店 豆制品加工店 五金加工部'),
  F: words('便利店 五金店 水果店 烟杂店 副食品商行 建材商行 服装店 日用品商行 茶叶店 电器商行'),
  H: words('小吃店 面馆 饭店 点心店 农家乐'),
  O: words('理发店 美容店 洗衣店 汽车修理部 家电维修部 摄影部'),
};
const INDIVIDUAL_SECTION_WEIGHTS: Readonly<Record<string, number>> = { C: 3, F: 55, H: 25, O: 17 };

/** 农民专业合作社 ('93') words. GB 32100-2015 prefix 9-3. */
const COOPERATIVE_WORDS = words(
  '蔬果 果蔬 水稻 粮食 草莓 葡萄 蜜梨 黄桃 西甜瓜 水产养殖 生猪养殖 农机 花卉苗木 蟠桃 食用菌',
);

/** Exposed so tests can prove the name-uniqueness argument; not for other callers. */
export const ENTERPRISE_NAME_TABLES = {
  brands: BRANDS,
  townShorts: TOWN_SHORTS,
  industryWords: INDUSTRY_WORDS,
  individualWords: INDIVIDUAL_WORDS,
  cooperativeWords: COOPERATIVE_WORDS,
} as const;

// ---------------------------------------------------------------------------------------------
// People.

const SURNAMES: readonly string[] = (
  '王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 林 罗 高 郑 梁 谢 宋 唐 许 韩 冯 邓 曹 ' +
  '彭 曾 肖 田 董 潘 袁 蔡 蒋 余 于 杜 叶 程 魏 苏 吕 丁 任 沈 姚 卢 钟 姜 崔 谭 陆 范 汪 廖 ' +
  '石 金 韦 贾 夏 顾 钱 倪 戴 严 施 俞 陶 龚 盛 秦'
).split(' ');
/** Common surnames drawn more often: the first 20 appear three times, the next 20 twice. */
const SURNAME_POOL: readonly string[] = [
  ...SURNAMES,
  ...SURNAMES.slice(0, 40),
  ...SURNAMES.slice(0, 20),
];

const MALE_SINGLE =
  '伟强磊军勇杰涛斌明辉刚健峰俊鹏华飞超亮平波宇浩凯文建国志海林东毅晨鑫雷荣成栋彬清龙忠'.split('');
const FEMALE_SINGLE = '芳娟敏静丽艳霞玲婷燕红梅英琴慧颖萍洁倩雪琳欣佳蕾莉晶璐怡丹'.split('');
const MALE_FIRST = '志建国海文永俊子宇明伟晓家振立'.split('');
const FEMALE_FIRST = '晓丽美秀雅思雨欣佳文玉春慧'.split('');
const MALE_DOUBLE = (
  '建华 国强 志刚 建国 晓东 海峰 伟民 文杰 俊杰 浩然 子豪 宇航 志强 永明 明辉 建平 卫东 国庆 ' +
  '德明 振宇 立新 金龙 正华 家豪'
).split(' ');
const FEMALE_DOUBLE = (
  '秀英 桂英 丽华 美玲 雪梅 晓燕 丽娟 慧敏 佳怡 思雨 欣怡 静怡 雨婷 秀兰 玉兰 婷婷 丹丹 晓丽 ' +
  '海燕 文静 晓红 梦瑶'
).split(' ');

/** Address codes (GB/T 2260) for legal representatives: Shanghai districts, then neighbours. */
const SHANGHAI_ID_REGIONS = Object.keys(SHANGHAI_DISTRICTS);
const OTHER_ID_REGIONS: readonly string[] = [
  '320583', // 江苏省昆山市
  '320506', // 江苏省苏州市吴中区
  '330421', // 浙江省嘉善县
  '330482', // 浙江省平湖市
  '330106', // 浙江省杭州市西湖区
  '340104', // 安徽省合肥市蜀山区
  '360102', // 江西省南昌市东湖区
  '410105', // 河南省郑州市金水区
  '420106', // 湖北省武汉市武昌区
  '510107', // 四川省成都市武侯区
];

const MOBILE_PREFIXES: readonly string[] = (
  '130 131 132 133 134 135 136 137 138 139 150 151 152 153 155 156 157 158 159 173 176 177 178 ' +
  '180 181 182 183 184 185 186 187 188 189 191 193 195 198 199'
).split(' ');

// ---------------------------------------------------------------------------------------------
// Dates, precomputed once so a row costs no Date allocation.

function dayStrings(from: string, to: string, compact: boolean): string[] {
  const out: string[] = [];
  const end = Date.parse(`${to}T00:00:00Z`);
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= end; t += 86_400_000) {
    const iso = new Date(t).toISOString().slice(0, 10);
    out.push(compact ? iso.replace(/-/g, '') : iso);
  }
  return out;
}

const ESTABLISHED_DAYS = dayStrings('1995-01-01', '2025-12-31', false);
const ESTABLISHED_RECENT_FROM = ESTABLISHED_DAYS.indexOf('2010-01-01');
const BIRTH_DAYS = dayStrings('1960-01-01', '2000-12-31', true);

/** '000' … '999'. */
const SEQUENCES: readonly string[] = Array.from({ length: 1000 }, (_, i) =>
  ('' + (1000 + i)).slice(1),
);

/** USCCs were first issued on 2015-10-01 (国发〔2015〕33号); older firms kept their org codes. */
const USCC_START = '2015-10-01';

// ---------------------------------------------------------------------------------------------
// Bijections of the index.

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const BASE31_6 = 31 ** 6; // 887,503,681 'MA' bodies
const ORG_NUMERIC = 100_000_000; // 8-digit legacy org-code bodies

/** 'MA' + 6 base-31 digits of an affine permutation of index (31 ∤ 7_368_787, so bijective). */
function maBody(index: number): string {
  let k = (index * 7_368_787 + 104_729) % BASE31_6;
  let s = '';
  for (let i = 0; i < 6; i++) {
    const d = k % 31;
    s = USCC_CHARS[d] + s;
    k = (k - d) / 31;
  }
  return 'MA' + s;
}

/** 8 digits of an affine permutation of index (7_919_371 is prime to 10^8). */
function numericBody(index: number): string {
  return ('' + (ORG_NUMERIC + ((index * 7_919_371 + 13_227_431) % ORG_NUMERIC))).slice(1);
}

const Z = BRANDS.length;
const T = TOWN_SHORTS.length;
/** Tier sizes: one unit, two, town + two, three, town + three (adjacent units always differ). */
const TIERS: readonly number[] = [
  Z,
  Z * (Z - 1),
  T * Z * (Z - 1),
  Z * (Z - 1) ** 2,
  T * Z * (Z - 1) ** 2,
];
/** Prime larger than every factor of the tier sizes, so o ↦ o·M mod size permutes each tier. */
const TIER_MULTIPLIER = 7919;

/** Units after the first: each differs from its predecessor, r ∈ [0, Z−2]. */
function nextUnit(prev: number, r: number): number {
  return (prev + 1 + r) % Z;
}

/** Trade name (字号) of an index: injective over all supported indexes. */
function tradeName(index: number): string {
  let o = index;
  let tier = 0;
  while (o >= TIERS[tier]) {
    o -= TIERS[tier];
    tier++;
  }
  const size = TIERS[tier];
  let k = (o * TIER_MULTIPLIER) % size;
  let town = '';
  if (tier === 2 || tier === 4) {
    const t = k % T;
    town = TOWN_SHORTS[t];
    k = (k - t) / T;
  }
  const a = k % Z;
  if (tier === 0) return BRANDS[a];
  let q = (k - a) / Z;
  const r = q % (Z - 1);
  const b = nextUnit(a, r);
  if (tier === 1 || tier === 2) return town + BRANDS[a] + BRANDS[b];
  q = (q - r) / (Z - 1);
  return town + BRANDS[a] + BRANDS[b] + BRANDS[nextUnit(b, q)];
}

// ---------------------------------------------------------------------------------------------

function cumulative(weights: Readonly<Record<string, number>>): {
  keys: string[];
  cum: number[];
} {
  const keys: string[] = [];
  const cum: number[] = [];
  let total = 0;
  for (const [k, w] of Object.entries(weights)) {
    total += w;
    keys.push(k);
    cum.push(total);
  }
  return { keys, cum: cum.map((c) => c / total) };
}

const COMPANY_SECTIONS = cumulative(COMPANY_SECTION_WEIGHTS);
const INDIVIDUAL_SECTIONS = cumulative(INDIVIDUAL_SECTION_WEIGHTS);

function weighted(rng: Rng, table: { keys: string[]; cum: number[] }): string {
  const u = rng.next();
  const { keys, cum } = table;
  for (let i = 0; i < cum.length; i++) if (u < cum[i]) return keys[i];
  return keys[keys.length - 1];
}

const ROUND_CAPITALS: readonly number[] = [
  10, 30, 50, 100, 100, 200, 300, 500, 500, 800, 1000, 1000, 2000, 3000, 5000, 10000,
];

const COOPERATIVE_CAPITALS: readonly number[] = [10, 20, 50, 100, 200, 300, 500];
const JOINT_STOCK_CAPITALS: readonly number[] = [5000, 8000, 10000, 20000, 30000, 50000];

/** Integer cents → 'N.NN'. */
function formatMoney(cents: number): string {
  const c = cents % 100;
  return `${(cents - c) / 100}.${c < 10 ? '0' : ''}${c}`;
}

function capital(rng: Rng, prefix: string, joint: boolean): string {
  if (prefix === '92') return formatMoney(rng.int(1, 50) * 10_000);
  if (prefix === '93') return formatMoney(rng.pick(COOPERATIVE_CAPITALS) * 100);
  if (joint) return formatMoney(rng.pick(JOINT_STOCK_CAPITALS) * 100);
  if (rng.chance(0.85)) return formatMoney(rng.pick(ROUND_CAPITALS) * 100);
  return formatMoney(rng.int(1_000, 2_000_000));
}

function status(rng: Rng): EnterpriseStatus {
  const u = rng.next();
  if (u < 0.92) return 'ACTIVE';
  if (u < 0.95) return 'CANCELLED';
  if (u < 0.99) return 'REVOKED';
  return 'MOVED_OUT';
}

function personName(rng: Rng, female: boolean): string {
  const surname = rng.pick(SURNAME_POOL);
  const u = rng.next();
  if (u < 0.35) return surname + rng.pick(female ? FEMALE_SINGLE : MALE_SINGLE);
  if (u < 0.7) return surname + rng.pick(female ? FEMALE_DOUBLE : MALE_DOUBLE);
  return (
    surname +
    rng.pick(female ? FEMALE_FIRST : MALE_FIRST) +
    rng.pick(female ? FEMALE_SINGLE : MALE_SINGLE)
  );
}

function phone(rng: Rng): string {
  return rng.pick(MOBILE_PREFIXES) + ('' + (100_000_000 + rng.int(0, 99_999_999))).slice(1);
}

/** '1号' … '2999号' and '' or '1幢' … '12幢', so an address costs no number formatting. */
const HOUSE_NUMBERS: readonly string[] = Array.from({ length: 2999 }, (_, i) => `${i + 1}号`);
const BUILDINGS: readonly string[] = Array.from({ length: 12 }, (_, i) => `${i + 1}幢`);

function address(rng: Rng, districtCode: string): string {
  const number = rng.pick(HOUSE_NUMBERS);
  const building = rng.chance(0.3) ? rng.pick(BUILDINGS) : '';
  if (districtCode === JINSHAN) {
    const town = rng.pick(JINSHAN_TOWNS);
    return '上海市金山区' + town.name + rng.pick(town.roads) + number + building;
  }
  const district = SHANGHAI_DISTRICTS[districtCode] ?? '';
  return '上海市' + district + rng.pick(GENERIC_ROADS) + number + building;
}

/**
 * One synthetic enterprise. Deterministic in (rng state, index, districtCode); USCC and name are
 * unique across indexes 0 … MAX_ENTERPRISE_INDEX − 1 whatever the rng. Rows of different
 * districts differ in USCC but may share names: give each district its own index range.
 * @throws RangeError on an index out of range or a district code that is not 6 digits.
 */
export function makeEnterpriseRow(
  rng: Rng,
  index: number,
  districtCode = JINSHAN,
): EnterpriseSeedRow {
  if (!(index >= 0 && index < MAX_ENTERPRISE_INDEX && index % 1 === 0)) {
    throw new RangeError(`enterprise index ${index} out of range`);
  }
  // GB 32100-2015 position 2 under 9 (工商): 1 企业, 2 个体工商户, 3 农民专业合作社.
  const k = rng.next();
  const prefix = k < 0.9 ? '91' : k < 0.97 ? '92' : '93';

  const establishedOn = rng.chance(0.6)
    ? ESTABLISHED_DAYS[rng.int(ESTABLISHED_RECENT_FROM, ESTABLISHED_DAYS.length - 1)]
    : ESTABLISHED_DAYS[rng.int(0, ESTABLISHED_DAYS.length - 1)];

  const brand = tradeName(index);
  let industryCode: string;
  let name: string;
  let joint = false;
  if (prefix === '91') {
    industryCode = weighted(rng, COMPANY_SECTIONS);
    const word = rng.pick(INDUSTRY_WORDS[industryCode]);
    const f = rng.next();
    let form = '有限公司';
    if ((industryCode === 'L' || industryCode === 'M') && f < 0.08) form = '合伙企业（有限合伙）';
    else if (f < 0.05) {
      form = '股份有限公司';
      joint = true;
    } else if (f < 0.07) form = '有限责任公司';
    name = `上海${brand}${word}${form}`;
  } else if (prefix === '92') {
    industryCode = weighted(rng, INDIVIDUAL_SECTIONS);
    const district = SHANGHAI_DISTRICTS[districtCode] ?? '';
    name = district + brand + rng.pick(INDIVIDUAL_WORDS[industryCode]);
  } else {
    industryCode = 'A';
    name = `上海${brand}${rng.pick(COOPERATIVE_WORDS)}专业合作社`;
  }

  // Firms registered before USCCs existed keep their 8-digit org code; newer ones get 'MA' bodies.
  const body = prefix === '91' && establishedOn < USCC_START ? numericBody(index) : maBody(index);
  const uscc = makeUscc(prefix, districtCode, body);

  const female = rng.chance(0.28);
  const region = rng.chance(0.85) ? rng.pick(SHANGHAI_ID_REGIONS) : rng.pick(OTHER_ID_REGIONS);
  // GB 11643-1999: the sequence code is odd for men, even for women; birth dates come from a
  // table of real dates, so only the check character needs computing.
  const id17 = region + rng.pick(BIRTH_DAYS) + SEQUENCES[rng.int(0, 499) * 2 + (female ? 0 : 1)];
  const idNumber = id17 + idCardCheckChar(id17);

  return {
    uscc,
    name,
    industryCode,
    districtCode,
    establishedOn,
    status: status(rng),
    registeredCapital: capital(rng, prefix, joint),
    address: address(rng, districtCode),
    legalRepresentativeName: personName(rng, female),
    legalRepresentativeIdNumber: idNumber,
    legalRepresentativePhone: phone(rng),
  };
}
