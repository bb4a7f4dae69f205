// `npm run gen:data -- --cadres 100000 [--units 2000] [--postings 1000]`: fills the configured
// database (GUAZHI_DATA_DIR / DATABASE_URL, as the server reads them) with fictional but
// plausible units across real GB/T 2260 counties, cadres with résumés and expertise, and 在岗
// postings of the first cadres (batches of 1,000, a year on post; scripts/gen-postings.ts) with
// their year on post so far: leave, attendance, `--worklog` work-log entries each and
// achievements (scripts/gen-onpost.ts). Personal data
// goes through the same encryption as the app; ID numbers use unassigned county codes (xx9999)
// so none can be a real person's.

import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { RANK_LEVELS } from '../common/cadres/cadre-enums.js';
import { EXPERTISE_TAGS } from '../common/cadres/expertise.js';
import { maskIdNumber, maskPhone } from '../common/personal/mask.js';
import { UNIT_KINDS } from '../common/units/units.schema.js';
import type { CadreResumeTable, NewCadre } from '../server/cadres/cadres.table.js';
import { calendarFor } from '../server/calendar/calendar.service.js';
import { loadConfig } from '../server/core/config.js';
import { pinyinKeys } from '../server/core/pinyin.js';
import { inTransaction } from '../server/core/transaction.js';
import { fictionalIdNumber } from '../server/demo/demo.seed.js';
import { openRuntime } from '../server/runtime.js';
import { generateAchievements, generateAttendance, generateLeave, generateWorklog } from './gen-onpost.js';
import { generatePostings } from './gen-postings.js';
import { FUNCTIONS } from './shared.js';

const { values } = parseArgs({
  options: {
    cadres: { type: 'string', default: '1000' },
    units: { type: 'string' },
    seed: { type: 'string', default: '42' },
    postings: { type: 'string' },
    worklog: { type: 'string', default: '20' },
  },
});
const CADRES = Number(values.cadres);
const UNITS = Number(values.units ?? Math.max(50, Math.round(CADRES / 50)));
const POSTINGS = Number(values.postings ?? Math.min(CADRES, 1000));
const WORKLOG_PER = Number(values.worklog);

// A small deterministic generator so the same arguments give the same data.
let state = Number(values.seed) >>> 0 || 42;
const rand = () => {
  state = (state * 1664525 + 1013904223) >>> 0;
  return state / 2 ** 32;
};
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN =
  '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国建华志强海燕文博雅琴晓东立新思远佳怡德明国华秀英海峰明轩晓燕立群雅丽志刚宏伟春梅晓红玉兰建军永红';
const POSITIONS = [
  '科员',
  '副主任科员',
  '主任科员',
  '副科长',
  '科长',
  '副局长',
  '局长',
  '副主任',
  '主任',
  '副处长',
  '处长',
];

async function main() {
  const config = loadConfig();
  const runtime = await openRuntime(config);
  const { ctx } = runtime;
  const started = Date.now();
  const counties = await ctx.db
    .selectFrom('regions')
    .select(['code', 'name'])
    .where('level', '=', 3)
    .orderBy('code')
    .execute();
  const now = new Date().toISOString();

  const unitIds: string[] = [];
  const unitRows = [];
  for (let i = 0; i < UNITS; i++) {
    const county = pick(counties);
    const name = `${county.name}${pick(FUNCTIONS)}${i > FUNCTIONS.length ? `第${i}分中心` : ''}`;
    const keys = pinyinKeys(name);
    const id = randomUUID();
    unitIds.push(id);
    unitRows.push({
      id,
      name,
      namePinyin: keys.full,
      nameInitials: keys.initials,
      kind: pick(UNIT_KINDS),
      regionCode: county.code,
      parentId: null,
      contactName: `${pick([...SURNAMES])}${pick([...GIVEN])}`,
      contactPhone: `1380${String(Math.floor(rand() * 1e7)).padStart(7, '0')}`,
      active: 1,
      version: 1,
      createdAt: now,
      updatedAt: now,
      createdBy: null,
      updatedBy: null,
    });
  }
  // the first half of the units sends cadres, the second half receives them
  const sendingIds = unitIds.slice(0, Math.ceil(unitIds.length / 2));
  const receiving = unitRows
    .slice(Math.ceil(unitRows.length / 2))
    .map((u) => ({ id: u.id, regionCode: u.regionCode }));
  for (let i = 0; i < unitRows.length; i += 500) {
    await ctx.db
      .insertInto('units')
      .values(unitRows.slice(i, i + 500))
      .onConflict((oc) => oc.doNothing())
      .execute();
  }

  const BATCH = 1000;
  const postable: { id: string; unitId: string }[] = [];
  let made = 0;
  const usedIds = new Set<string>();
  while (made < CADRES) {
    const rows: NewCadre[] = [];
    const expertise: { cadreId: string; tag: string }[] = [];
    const resume: CadreResumeTable[] = [];
    for (let i = 0; i < BATCH && made + i < CADRES; i++) {
      const n = made + i;
      const name = `${pick([...SURNAMES])}${pick([...GIVEN])}${rand() < 0.5 ? pick([...GIVEN]) : ''}`;
      const year = 1966 + Math.floor(rand() * 34);
      const month = String(1 + Math.floor(rand() * 12)).padStart(2, '0');
      const day = String(1 + Math.floor(rand() * 28)).padStart(2, '0');
      let idNumber: string;
      let seq: string;
      do {
        seq = String(Math.floor(rand() * 1000)).padStart(3, '0');
        idNumber = fictionalIdNumber(
          pick(['11', '32', '52', '61', '44', '51']),
          `${year}${month}${day}`,
          seq,
        );
      } while (usedIds.has(idNumber));
      usedIds.add(idNumber);
      const keys = pinyinKeys(name);
      const id = randomUUID();
      const unitId = pick(sendingIds);
      if (postable.length < POSTINGS) postable.push({ id, unitId });
      rows.push({
        id,
        userId: null,
        name,
        namePinyin: keys.full,
        nameInitials: keys.initials,
        gender: Number(seq[2]) % 2 === 1 ? 'male' : 'female',
        ethnicity:
          rand() < 0.85 ? '汉族' : pick(['苗族', '侗族', '壮族', '回族', '土家族', '彝族', '布依族']),
        politicalStatus: rand() < 0.9 ? 'cpc_member' : pick(['democratic_party', 'non_party', 'masses']),
        birthDate: `${year}-${month}-${day}`,
        idNumberEnc: ctx.cipher.encrypt(idNumber, 'cadres.id_number'),
        idNumberIndex: ctx.cipher.blindIndex(idNumber, 'cadres.id_number'),
        idNumberMasked: maskIdNumber(idNumber),
        phoneEnc: ctx.cipher.encrypt(`139${String(n).padStart(8, '0')}`, 'cadres.phone'),
        phoneMasked: maskPhone(`139${String(n).padStart(8, '0')}`),
        education: pick(['doctorate', 'master', 'master', 'bachelor', 'bachelor', 'bachelor', 'college']),
        degree: pick(['doctor', 'master', 'bachelor', 'bachelor', 'none']),
        school: pick(['示例大学', '示例师范大学', '示例农业大学', '示例理工大学', '示例财经大学']),
        major: pick(['公共管理', '经济学', '农学', '法学', '计算机科学', '土木工程', '汉语言文学']),
        unitId,
        position: pick(POSITIONS),
        rankLevel: pick(RANK_LEVELS.slice(1, 6)),
        rankKind: rand() < 0.6 ? 'leadership' : 'grade',
        reserve: rand() < 0.2 ? 1 : 0,
        version: 1,
        createdAt: now,
        updatedAt: now,
        createdBy: null,
        updatedBy: null,
      });
      for (const tag of new Set([pick(EXPERTISE_TAGS).tag, pick(EXPERTISE_TAGS).tag]))
        expertise.push({ cadreId: id, tag });
      let from = year + 22;
      for (let r = 0; r < 2 + Math.floor(rand() * 3); r++) {
        const to = Math.min(from + 2 + Math.floor(rand() * 5), 2026);
        resume.push({
          id: randomUUID(),
          cadreId: id,
          fromMonth: `${from}-07`,
          toMonth: to >= 2026 ? null : `${to}-06`,
          unitName: `示例县${pick(FUNCTIONS)}`,
          position: pick(POSITIONS),
        });
        from = to;
        if (to >= 2026) break;
      }
    }
    await inTransaction(ctx, async (tx) => {
      for (let i = 0; i < rows.length; i += 200)
        await tx.db
          .insertInto('cadres')
          .values(rows.slice(i, i + 200))
          .execute();
      for (let i = 0; i < expertise.length; i += 500)
        await tx.db
          .insertInto('cadreExpertise')
          .values(expertise.slice(i, i + 500))
          .execute();
      for (let i = 0; i < resume.length; i += 300)
        await tx.db
          .insertInto('cadreResume')
          .values(resume.slice(i, i + 300))
          .execute();
    });
    made += rows.length;
    process.stdout.write(`\rcadres: ${made}/${CADRES}`);
  }
  // the postings: a year on post up to today, received by the units the cadres do not come from
  const today = new Date().toISOString().slice(0, 10);
  const yearAgo = `${Number(today.slice(0, 4)) - 1}${today.slice(4, 8)}01`;
  const postings = await generatePostings(ctx, {
    count: POSTINGS,
    cadres: postable,
    receivingUnits: receiving,
    start: yearAgo,
    end: `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`,
    pick,
    onProgress: (n) => process.stdout.write(`\rpostings: ${n}/${POSTINGS}`),
  });
  // their year so far on post: leave (returned), a check-in each working day off leave, work-log
  // entries and achievements (scripts/gen-onpost.ts), all on the official calendar
  const cal = await calendarFor(ctx.db, yearAgo, today, null);
  const onPost = postings.map((p) => ({
    id: p.id,
    cadreId: p.cadreId,
    startDate: p.startDate,
    endDate: p.endDate,
  }));
  const leave = await generateLeave(ctx, onPost, { isWorking: cal.isWorking, until: today });
  const attendance = await generateAttendance(ctx, onPost, {
    isWorking: cal.isWorking,
    until: today,
    leaveDays: leave.days,
    progress: (n) => process.stdout.write(`\rattendance: ${n}`),
  });
  const worklog = await generateWorklog(ctx, onPost, { perPosting: WORKLOG_PER });
  const achievements = await generateAchievements(ctx, onPost, { until: today });
  console.log(
    `\n${leave.made} leave requests, ${attendance} attendance records, ${worklog} work-log entries, ${achievements} achievements`,
  );
  console.log(
    `${UNITS} units, ${CADRES} cadres and ${postings.length} postings in ${((Date.now() - started) / 1000).toFixed(1)} s → ${config.databaseUrl ? 'PostgreSQL' : config.sqliteFile}`,
  );
  await runtime.close();
}

await main();
