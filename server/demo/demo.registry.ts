import { type CadreInput, zCadreInput } from '../../common/cadres/cadres.schema.js';
import { zCorrectionInput, zCorrectionListQuery } from '../../common/corrections/corrections.schema.js';
import { zNominationInput } from '../../common/nominations/nominations.schema.js';
import { zPostInput, zPostListQuery } from '../../common/posts/posts.schema.js';
import { findUserByUsername } from '../auth/auth.repository.js';
import { findByIdNumberIndex } from '../cadres/cadres.repository.js';
import * as cadres from '../cadres/cadres.service.js';
import type { AppContext } from '../core/context.js';
import { scopeFor } from '../core/scope.js';
import * as corrections from '../corrections/corrections.service.js';
import { findByBatchAndCadre } from '../nominations/nominations.repository.js';
import * as nominations from '../nominations/nominations.service.js';
import * as posts from '../posts/posts.service.js';
import { seedCohort } from './demo.cohort.js';
import { seedOnPost } from './demo.onpost.js';
import { seedPostings } from './demo.postings.js';
import { actorFor, seedProgramme } from './demo.steps.js';
import { fictionalIdNumber } from './fictional-id.js';

/**
 * The demo registry: fictional cadres, a programme with its batches, post requests,
 * nominations and a correction request — every one written through its service, by the demo
 * account whose work it is (so the rules, the audit log and the encryption apply as in use).
 * Each record is created only when missing, and the steps that follow a record (submit,
 * approve, advance, link) only right after creating it: a second run adds and changes nothing.
 */

const QINGFENG = '苏州市青枫科技产业集团有限公司';
const QINGXI = '台江县清溪镇人民政府';

interface DemoCadre extends Omit<CadreInput, 'unitId' | 'idNumber'> {
  unit: string;
  /** Province, birth date (YYYYMMDD), 3-digit sequence: odd last digit male, even female. */
  id: [string, string, string];
  /** The demo account linked to this record (the cadre's own login). */
  account?: string;
}

type Resume = NonNullable<CadreInput['resume']>;
const resume = (...entries: [string, string | null, string, string][]): Resume =>
  entries.map(([fromMonth, toMonth, unitName, position]) => ({ fromMonth, toMonth, unitName, position }));

/** Fictional people: names, schools and careers are made up; ID numbers use county xx9999. */
const DEMO_CADRES: DemoCadre[] = [
  {
    name: '周明远',
    account: 'gb.zhou',
    unit: QINGFENG,
    id: ['32', '19870330', '015'],
    gender: 'male',
    birthDate: '1987-03-30',
    ethnicity: '汉族',
    politicalStatus: 'cpc_member',
    phone: '13800002205',
    education: 'master',
    degree: 'master',
    school: '东南大学',
    major: '工商管理',
    position: '投资发展部副部长',
    rankLevel: 'section_chief',
    rankKind: 'leadership',
    reserve: true,
    expertise: ['招商引资', '产业规划', '国资国企'],
    resume: resume(
      ['2012-07', '2016-12', QINGFENG, '投资发展部业务主管'],
      ['2017-01', '2021-12', QINGFENG, '投资发展部高级经理'],
      ['2022-01', null, QINGFENG, '投资发展部副部长'],
    ),
  },
  {
    name: '陈思远',
    unit: QINGFENG,
    id: ['32', '19891108', '031'],
    gender: 'male',
    birthDate: '1989-11-08',
    ethnicity: '汉族',
    politicalStatus: 'cpc_member',
    phone: '13800003101',
    education: 'master',
    degree: 'master',
    school: '南京大学',
    major: '计算机科学与技术',
    position: '数字科技事业部副总经理',
    rankLevel: 'section_chief',
    rankKind: 'leadership',
    reserve: true,
    expertise: ['信息化', '大数据', '人工智能'],
    resume: resume(
      ['2014-07', '2019-06', '苏州工业园区数据资源中心', '工程师'],
      ['2019-07', '2023-02', QINGFENG, '数字科技事业部项目总监'],
      ['2023-03', null, QINGFENG, '数字科技事业部副总经理'],
    ),
  },
  {
    name: '王静怡',
    account: 'gb.wang',
    unit: QINGFENG,
    id: ['32', '19910521', '042'],
    gender: 'female',
    birthDate: '1991-05-21',
    ethnicity: '汉族',
    politicalStatus: 'cpc_member',
    education: 'bachelor',
    degree: 'bachelor',
    school: '苏州大学',
    major: '财务管理',
    position: '财务管理部副部长',
    rankLevel: 'section_deputy',
    rankKind: 'leadership',
    expertise: ['财政金融', '统计分析'],
    resume: resume(
      ['2013-07', '2020-12', QINGFENG, '财务管理部会计主管'],
      ['2021-01', null, QINGFENG, '财务管理部副部长'],
    ),
  },
  {
    name: '李浩然',
    unit: QINGFENG,
    id: ['32', '19840618', '053'],
    gender: 'male',
    birthDate: '1984-06-18',
    ethnicity: '汉族',
    politicalStatus: 'cpc_member',
    phone: '13800003103',
    education: 'bachelor',
    degree: 'bachelor',
    school: '江南大学',
    major: '食品科学与工程',
    position: '产业园区运营部部长',
    rankLevel: 'section_chief',
    rankKind: 'leadership',
    expertise: ['特色产业', '招商引资', '农产品电商'],
    resume: resume(
      ['2006-07', '2013-08', '苏州市相城区农业农村局', '科员'],
      ['2013-09', '2019-12', QINGFENG, '产业园区运营部副部长'],
      ['2020-01', null, QINGFENG, '产业园区运营部部长'],
    ),
  },
  {
    name: '张晓彤',
    unit: QINGFENG,
    id: ['32', '19880902', '064'],
    gender: 'female',
    birthDate: '1988-09-02',
    ethnicity: '回族',
    politicalStatus: 'cpc_member',
    education: 'master',
    degree: 'master',
    school: '同济大学',
    major: '城乡规划',
    position: '规划建设部副部长',
    rankLevel: 'section_deputy',
    rankKind: 'leadership',
    reserve: true,
    expertise: ['城乡规划', '建筑工程'],
    resume: resume(
      ['2013-07', '2018-06', '苏州市规划设计研究院', '规划师'],
      ['2018-07', null, QINGFENG, '规划建设部副部长'],
    ),
  },
  {
    name: '刘建国',
    unit: QINGFENG,
    id: ['32', '19790214', '075'],
    gender: 'male',
    birthDate: '1979-02-14',
    ethnicity: '汉族',
    politicalStatus: 'cpc_member',
    education: 'master',
    degree: 'master',
    school: '中国人民大学',
    major: '行政管理',
    position: '党群工作部部长',
    rankLevel: 'division_deputy',
    rankKind: 'leadership',
    expertise: ['组织人事', '宣传思想'],
    resume: resume(
      ['2004-07', '2012-12', '苏州市吴中区委组织部', '干部科科长'],
      ['2013-01', '2018-12', QINGFENG, '党群工作部副部长'],
      ['2019-01', null, QINGFENG, '党群工作部部长'],
    ),
  },
  {
    name: '吴雨桐',
    unit: QINGFENG,
    id: ['32', '19931210', '086'],
    gender: 'female',
    birthDate: '1993-12-10',
    ethnicity: '汉族',
    politicalStatus: 'democratic_party',
    education: 'bachelor',
    degree: 'bachelor',
    school: '南京农业大学',
    major: '农业资源与环境',
    position: '乡村振兴事业部业务主管',
    rankLevel: 'other',
    rankKind: 'grade',
    expertise: ['农业技术', '农产品电商'],
    resume: resume(
      ['2016-07', '2020-06', '苏州市吴江区七都镇农业服务中心', '农技员'],
      ['2020-07', null, QINGFENG, '乡村振兴事业部业务主管'],
    ),
  },
  {
    name: '杨帆',
    unit: QINGFENG,
    id: ['32', '19860725', '097'],
    gender: 'male',
    birthDate: '1986-07-25',
    ethnicity: '苗族',
    politicalStatus: 'cpc_member',
    phone: '13800003108',
    education: 'bachelor',
    degree: 'bachelor',
    school: '贵州大学',
    major: '土木工程',
    position: '工程管理部副部长',
    rankLevel: 'section_deputy',
    rankKind: 'leadership',
    reserve: true,
    expertise: ['建筑工程', '交通运输', '应急管理'],
    resume: resume(
      ['2008-07', '2014-12', '苏州市交通工程建设有限公司', '项目经理'],
      ['2015-01', '2020-12', QINGFENG, '工程管理部高级工程师'],
      ['2021-01', null, QINGFENG, '工程管理部副部长'],
    ),
  },
  {
    name: '顾嘉豪',
    unit: QINGFENG,
    id: ['32', '19900403', '019'],
    gender: 'male',
    birthDate: '1990-04-03',
    ethnicity: '汉族',
    politicalStatus: 'cpc_member',
    education: 'doctorate',
    degree: 'doctor',
    school: '东南大学',
    major: '电子科学与技术',
    position: '青枫研究院副院长',
    rankLevel: 'division_deputy',
    rankKind: 'grade',
    reserve: true,
    expertise: ['科技管理', '知识产权', '人工智能'],
    resume: resume(
      ['2018-07', '2022-06', QINGFENG, '青枫研究院高级研究员'],
      ['2022-07', null, QINGFENG, '青枫研究院副院长'],
    ),
  },
  {
    name: '沈若曦',
    unit: QINGFENG,
    id: ['32', '19920816', '028'],
    gender: 'female',
    birthDate: '1992-08-16',
    ethnicity: '汉族',
    politicalStatus: 'cpc_member',
    education: 'master',
    degree: 'master',
    school: '上海交通大学',
    major: '法学',
    position: '法务合规部副部长',
    rankLevel: 'section_deputy',
    rankKind: 'leadership',
    expertise: ['法律事务', '政策研究'],
    resume: resume(
      ['2017-07', '2021-12', '苏州市姑苏区人民法院', '法官助理'],
      ['2022-01', null, QINGFENG, '法务合规部副部长'],
    ),
  },
  {
    name: '钱志诚',
    unit: QINGFENG,
    id: ['32', '19821029', '037'],
    gender: 'male',
    birthDate: '1982-10-29',
    ethnicity: '汉族',
    politicalStatus: 'cpc_member',
    education: 'bachelor',
    degree: 'bachelor',
    school: '苏州科技大学',
    major: '经济学',
    position: '集团副总经济师',
    rankLevel: 'division_chief',
    rankKind: 'grade',
    expertise: ['宏观经济', '国资国企', '产业规划'],
    resume: resume(
      ['2004-07', '2011-06', '苏州市发展和改革委员会', '科员'],
      ['2011-07', '2019-12', QINGFENG, '战略发展部部长'],
      ['2020-01', null, QINGFENG, '集团副总经济师'],
    ),
  },
  {
    name: '徐婉清',
    unit: QINGFENG,
    id: ['32', '19850112', '046'],
    gender: 'female',
    birthDate: '1985-01-12',
    ethnicity: '汉族',
    politicalStatus: 'cpc_member',
    education: 'master',
    degree: 'master',
    school: '华东师范大学',
    major: '人力资源管理',
    position: '人力资源部副部长',
    rankLevel: 'section_deputy',
    rankKind: 'leadership',
    expertise: ['人力资源', '组织人事'],
    resume: resume(
      ['2010-07', '2016-12', QINGFENG, '人力资源部招聘主管'],
      ['2017-01', null, QINGFENG, '人力资源部副部长'],
    ),
    relatives: [
      {
        name: '许志强',
        relation: 'spouse',
        unitName: '苏州市人力资源和社会保障局',
        position: '就业促进处副处长',
      },
    ],
  },
  {
    name: '蒋一鸣',
    unit: '江南数智银行苏州分行',
    id: ['32', '19871205', '055'],
    gender: 'male',
    birthDate: '1987-12-05',
    ethnicity: '汉族',
    politicalStatus: 'cpc_member',
    education: 'master',
    degree: 'master',
    school: '南京财经大学',
    major: '金融学',
    position: '普惠金融部总经理',
    rankLevel: 'section_chief',
    rankKind: 'leadership',
    reserve: true,
    expertise: ['财政金融', '农村改革'],
    resume: resume(
      ['2012-07', '2019-12', '江南数智银行苏州分行', '信贷客户经理'],
      ['2020-01', null, '江南数智银行苏州分行', '普惠金融部总经理'],
    ),
  },
  {
    name: '陆清欢',
    unit: '姑苏职业技术学院',
    id: ['32', '19900227', '072'],
    gender: 'female',
    birthDate: '1990-02-27',
    ethnicity: '汉族',
    politicalStatus: 'non_party',
    education: 'master',
    degree: 'master',
    school: '苏州大学',
    major: '旅游管理',
    position: '文化旅游学院副院长',
    rankLevel: 'section_deputy',
    rankKind: 'leadership',
    expertise: ['文化旅游', '教育'],
    resume: resume(
      ['2015-07', '2021-08', '姑苏职业技术学院', '专任教师'],
      ['2021-09', null, '姑苏职业技术学院', '文化旅游学院副院长'],
    ),
  },
  {
    name: '龙春梅',
    unit: '黔东南州乡村振兴服务中心',
    id: ['52', '19900609', '024'],
    gender: 'female',
    birthDate: '1990-06-09',
    ethnicity: '侗族',
    politicalStatus: 'cpc_member',
    education: 'bachelor',
    degree: 'bachelor',
    school: '贵州民族大学',
    major: '农学',
    position: '产业指导科科长',
    rankLevel: 'section_chief',
    rankKind: 'leadership',
    expertise: ['特色产业', '乡村治理'],
    resume: resume(
      ['2012-07', '2018-12', '黎平县农业农村局', '农艺师'],
      ['2019-01', null, '黔东南州乡村振兴服务中心', '产业指导科科长'],
    ),
  },
];

/** Who keeps each demo unit's cadre files: its liaison, else the 组织部 over its region. */
const KEEPERS: Record<string, string> = {
  [QINGFENG]: 'pc.qf',
  江南数智银行苏州分行: 'zzb.sz',
  姑苏职业技术学院: 'zzb.sz',
  黔东南州乡村振兴服务中心: 'zzb',
};

const PROGRAMME = {
  name: '2026年度东西部协作干部双向挂职',
  kind: 'cross_region',
  regionCode: '522600',
  description:
    '黔东南州与苏州市东西部协作框架下的干部双向挂职交流：苏州市选派干部到黔东南州县乡挂职，' +
    '帮助引进产业、人才和项目；黔东南州选派干部到苏州跟岗学习。',
} as const;

const BATCHES = [
  {
    name: '第一批',
    plannedStart: '2027-03-01',
    plannedEnd: '2028-02-29',
    termMonths: 12,
    quotas: [
      { regionCode: '522630', quota: 3 },
      { regionCode: '522634', quota: 2 },
    ],
    advance: { to: 'selecting', reason: '第一批岗位需求已征集审核，启动派出单位推荐人选。' },
  },
  {
    name: '第二批',
    plannedStart: '2028-03-01',
    plannedEnd: '2029-02-28',
    termMonths: 12,
    quotas: [
      { regionCode: '522630', quota: 2 },
      { regionCode: '522634', quota: 2 },
    ],
    advance: null,
  },
] as const;

type PostFate = 'approved' | 'submitted' | 'draft';
const POSTS: { fate: PostFate; input: Record<string, unknown> }[] = [
  {
    fate: 'approved',
    input: {
      title: '副镇长（挂职）',
      level: 'section_deputy',
      duties: [
        { kind: 'in_charge', area: '科技' },
        { kind: 'in_charge', area: '招商引资' },
        { kind: 'assist', area: '东西部协作' },
      ],
      expertise: ['招商引资', '科技管理'],
      headcount: 1,
      notes: '协助镇长抓好东西部协作项目落地，牵头对接苏州产业园区和科技企业资源。',
    },
  },
  {
    fate: 'approved',
    input: {
      title: '镇长助理（挂职，基础设施）',
      level: 'section_deputy',
      duties: [
        { kind: 'in_charge', area: '交通运输' },
        { kind: 'assist', area: '应急管理' },
      ],
      expertise: ['建筑工程', '交通运输'],
      headcount: 1,
      notes: '协助做好通村公路和东西部协作援建项目的工程管理。',
    },
  },
  {
    fate: 'submitted',
    input: {
      title: '镇长助理（挂职）',
      level: 'section_deputy',
      duties: [
        { kind: 'in_charge', area: '农产品电商' },
        { kind: 'assist', area: '乡村振兴' },
      ],
      expertise: ['农产品电商', '特色产业'],
      headcount: 1,
      notes: '帮助清溪镇稻鱼鸭、蓝莓等特色农产品打开长三角销路。',
    },
  },
  {
    fate: 'draft',
    input: {
      title: '党政办副主任（挂职）',
      level: 'section_deputy',
      duties: [
        { kind: 'assist', area: '数字政府' },
        { kind: 'assist', area: '政务服务' },
      ],
      expertise: ['数字政府', '信息化'],
      headcount: 1,
      notes: null,
    },
  },
];

const NOMINATIONS: { cadre: string; accept?: string; justification?: string }[] = [
  { cadre: '陈思远', accept: '同意推荐人选，拟安排到台江县清溪镇挂职。' },
  { cadre: '周明远' },
  { cadre: '杨帆', accept: '同意推荐人选，拟安排到台江县清溪镇负责基础设施项目。' },
  {
    cadre: '李浩然',
    justification:
      '该同志长期从事产业园区运营和农产品加工招商，熟悉东西部协作项目，清溪镇特色产业岗位急需；' +
      '年龄超出乡科级40岁上限，经集团党委研究仍予推荐。',
  },
];

const CORRECTION = {
  cadre: '周明远',
  changes: { position: '投资发展部部长' },
  note: '2026年10月经集团党委研究，任投资发展部部长，请予更正。',
};

const idNumberOf = (c: DemoCadre) => fictionalIdNumber(...c.id);

/** The cadres, by name: created by their keepers when missing, linked to their accounts then. */
async function seedCadres(ctx: AppContext, units: Map<string, string>): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const demo of DEMO_CADRES) {
    const idNumber = idNumberOf(demo);
    const existing = await findByIdNumberIndex(ctx.db, cadres.idNumberIndexOf(ctx, idNumber));
    if (existing) {
      ids.set(demo.name, existing.id);
      continue;
    }
    const unitId = units.get(demo.unit);
    const keeper = await actorFor(ctx, KEEPERS[demo.unit] ?? '', 'cadres.create');
    if (!unitId || !keeper) continue;
    const { unit: _u, id: _i, account, ...profile } = demo;
    const saved = await cadres.create(ctx, keeper, zCadreInput.parse({ ...profile, unitId, idNumber }));
    ids.set(demo.name, saved.id);
    const linker = account && (await actorFor(ctx, KEEPERS[demo.unit] ?? '', 'cadres.linkAccount'));
    if (linker && (await findUserByUsername(ctx.db, account as string))) {
      await corrections.linkAccount(ctx, linker, saved.id, {
        username: account as string,
        version: saved.version,
      });
    }
  }
  return ids;
}

/** The receiving unit's post requests for a batch: submitted and reviewed as each one's fate says. */
async function seedPosts(ctx: AppContext, units: Map<string, string>, batchId: string): Promise<void> {
  const unitId = units.get(QINGXI);
  const writer = await actorFor(ctx, 'js.qx', 'posts.create');
  const reviewer = await actorFor(ctx, 'zzb', 'posts.review');
  if (!unitId || !writer || !reviewer) return;
  const reader = { ...writer, scope: scopeFor('posts.read', writer.userId, writer.grants) };
  const have = await posts.list(ctx, reader, zPostListQuery.parse({ batchId, unitId, pageSize: 100 }));
  for (const { fate, input } of POSTS) {
    if (have.items.some((p) => p.title === input.title)) continue;
    let post = await posts.create(ctx, writer, zPostInput.parse({ ...input, batchId, unitId }));
    if (fate === 'draft') continue;
    post = await posts.submit(ctx, writer, post.id, post.version);
    if (fate === 'approved') {
      await posts.review(ctx, reviewer, post.id, {
        decision: 'approve',
        comment: '符合第一批岗位设置和名额要求，同意。',
        version: post.version,
      });
    }
  }
}

/** The sending unit's nominations for a batch; the 组织部 accepts the ones marked so. */
async function seedNominations(
  ctx: AppContext,
  cadreIds: Map<string, string>,
  batchId: string,
): Promise<void> {
  const liaison = await actorFor(ctx, 'pc.qf', 'nominations.create');
  const reviewer = await actorFor(ctx, 'zzb', 'nominations.review');
  if (!liaison || !reviewer) return;
  for (const demo of NOMINATIONS) {
    const cadreId = cadreIds.get(demo.cadre);
    if (!cadreId || (await findByBatchAndCadre(ctx.db, batchId, cadreId))) continue;
    const nomination = await nominations.nominate(
      ctx,
      liaison,
      zNominationInput.parse({ batchId, cadreId, justification: demo.justification }),
    );
    if (demo.accept) {
      await nominations.review(ctx, reviewer, nomination.id, {
        decision: 'accept',
        comment: demo.accept,
        version: nomination.version,
      });
    }
  }
}

/** The cadre's own correction request, left pending for the liaison; once only. */
async function seedCorrection(ctx: AppContext, cadreIds: Map<string, string>): Promise<void> {
  const demo = DEMO_CADRES.find((c) => c.name === CORRECTION.cadre);
  if (!demo?.account || !cadreIds.has(demo.name)) return;
  const reader = await actorFor(ctx, demo.account, 'corrections.read');
  const cadre = await actorFor(ctx, demo.account, 'corrections.create');
  if (!reader || !cadre) return;
  const own = await corrections.list(ctx, reader, zCorrectionListQuery.parse({}));
  if (own.total > 0) return;
  try {
    await corrections.getOwn(ctx, {
      ...cadre,
      scope: scopeFor('cadres.readSelf', cadre.userId, cadre.grants),
    });
  } catch {
    return; // the account is not (or no longer) linked to the record
  }
  await corrections.propose(
    ctx,
    cadre,
    zCorrectionInput.parse({ changes: CORRECTION.changes, note: CORRECTION.note }),
  );
}

/** Seeds the registry of the demo; `units` maps the demo units' names to their ids. */
export async function seedRegistry(ctx: AppContext, units: Map<string, string>): Promise<void> {
  const cadreIds = await seedCadres(ctx, units);
  const batches = await seedProgramme(ctx, PROGRAMME, BATCHES);
  const first = batches?.get('第一批');
  if (first) {
    await seedPosts(ctx, units, first);
    await seedNominations(ctx, cadreIds, first);
    await seedPostings(ctx, cadreIds, first);
  }
  await seedCorrection(ctx, cadreIds);
  await seedCohort(ctx, units, cadreIds);
  await seedOnPost(ctx, units, cadreIds);
}

/** What the demo registry holds, for tests and the README. */
export const DEMO_REGISTRY = {
  cadres: DEMO_CADRES.map((c) => ({
    name: c.name,
    unit: c.unit,
    idNumber: idNumberOf(c),
    account: c.account,
  })),
  programme: PROGRAMME.name,
  batches: BATCHES.map((b) => b.name),
  posts: POSTS.map((p) => ({ title: p.input.title as string, fate: p.fate })),
  nominations: NOMINATIONS.map((n) => ({
    cadre: n.cadre,
    status: n.accept ? 'accepted' : 'submitted',
    eligible: !n.justification,
  })),
};
