import { zAchievementInput } from '../../common/achievements/achievements.schema.js';
import { zLeaveInput } from '../../common/leave/leave.schema.js';
import { zWorklogInput } from '../../common/worklog/worklog.schema.js';
import * as achievements from '../achievements/achievements.service.js';
import * as attendance from '../attendance/attendance.service.js';
import { calendarFor } from '../calendar/calendar.service.js';
import { addDays } from '../core/clock.js';
import type { AppContext } from '../core/context.js';
import * as leave from '../leave/leave.service.js';
import * as monthly from '../monthly/monthly.service.js';
import * as worklog from '../worklog/worklog.service.js';
import { actorFor } from './demo.steps.js';

/**
 * A month of the running posting's life (November 2026), written through the services by the
 * accounts whose work it is, each on the day it happened (a clock set to that day): 王静怡
 * (gb.wang) checks in on the working days, asks for three days of 探亲假 which 清溪镇 (js.qx)
 * approves, reports back and has confirmed; she logs her work and records achievements, of
 * which 清溪镇 has verified two and one waits. One working day has no record, so the 考勤表 shows
 * what a missing day looks like. Written once: a posting that has any attendance is left alone.
 */
export const ONPOST_MONTH = { from: '2026-11-01', to: '2026-11-30' } as const;
const LEAVE = { startDate: '2026-11-18', endDate: '2026-11-20', returnedOn: '2026-11-23' } as const;
/** A working day without a check-in (she was at a meeting in 凯里 and forgot). */
export const ONPOST_MISSING_DAY = '2026-11-26';
/** 清溪镇's place: fictional coordinates near 台江县. */
const PLACE = { lat: 26.668, lng: 108.321, radiusM: 1500 };

const WORK: { date: string; category: string; title: string; body: string; place: string | null }[] = [
  {
    date: '2026-11-03',
    category: 'research',
    title: '走访清溪镇稻鱼鸭种养基地',
    body: '到南哨村、交汪村两个稻鱼鸭种养基地调研，了解今年产量和销路，村里反映冷链仓储不足，记录问题清单6条。',
    place: '南哨村',
  },
  {
    date: '2026-11-05',
    category: 'meeting',
    title: '参加东西部协作项目推进会',
    body: '参加县东西部协作项目推进会，汇报清溪镇协作资金项目进度，蓝莓深加工车间已完成主体施工。',
    place: '台江县政府',
  },
  {
    date: '2026-11-10',
    category: 'investment',
    title: '对接苏州农产品电商企业',
    body: '与苏州两家农产品电商企业视频对接，商定年货节期间上线清溪镇稻花鱼、蓝莓果酒等产品，样品本周寄出。',
    place: null,
  },
  {
    date: '2026-11-13',
    category: 'project',
    title: '督促蓝莓深加工车间设备安装',
    body: '到项目现场查看设备进场情况，协调施工方和设备厂家调整安装顺序，确保12月中旬试生产。',
    place: '清溪镇产业园',
  },
  {
    date: '2026-11-25',
    category: 'inspection',
    title: '冬季防火和安全生产督查',
    body: '随镇党委副书记到4个村督查冬季防火和安全生产，检查村级消防器材，发现问题当场交办整改。',
    place: '清溪镇',
  },
  {
    date: '2026-11-27',
    category: 'petition',
    title: '接待群众来访',
    body: '在镇信访接待室接待群众3批5人，主要反映务工工资和土地流转问题，已分别转相关站所办理并跟踪回复。',
    place: '清溪镇信访接待室',
  },
];

const ACHIEVEMENTS = [
  {
    kind: 'funds_arrived',
    title: '苏州帮扶资金到位（蓝莓深加工车间）',
    amount: '120',
    unit: '万元',
    date: '2026-11-06',
    description: '协调苏州帮扶单位第二笔协作资金到账，用于蓝莓深加工车间设备采购。',
    verify: true,
  },
  {
    kind: 'aid_agreement',
    title: '签订农产品产销帮扶协议',
    amount: '2',
    unit: '个',
    date: '2026-11-12',
    description: '与苏州两家电商企业签订产销帮扶协议，年内采购清溪镇农产品。',
    verify: true,
  },
  {
    kind: 'training',
    title: '组织电商直播培训',
    amount: '86',
    unit: '人',
    date: '2026-11-24',
    description: '邀请苏州电商讲师为村级电商带头人和返乡青年开展直播带货培训两期。',
    verify: false,
  },
] as const;

/** The services' context on `date` at 09:30 China time: "today" for that day's work. */
const on = (ctx: AppContext, date: string): AppContext => ({
  ...ctx,
  clock: { now: () => new Date(`${date}T01:30:00.000Z`) },
});

export async function seedOnPostMonth(
  ctx: AppContext,
  postingId: string,
  receivingUnitId: string,
): Promise<void> {
  if (
    await ctx.db
      .selectFrom('attendanceRecords')
      .select('id')
      .where('postingId', '=', postingId)
      .limit(1)
      .executeTakeFirst()
  )
    return;
  const as = (username: string, action: Parameters<typeof actorFor>[2]) => actorFor(ctx, username, action);
  const [manager, checker, asker, decider, returner, confirmer, writer, claimer, reviewer] =
    await Promise.all([
      as('js.qx', 'attendance.place'),
      as('gb.wang', 'attendance.checkIn'),
      as('gb.wang', 'leave.create'),
      as('js.qx', 'leave.decide'),
      as('gb.wang', 'leave.return'),
      as('js.qx', 'leave.confirmReturn'),
      as('gb.wang', 'worklog.write'),
      as('gb.wang', 'achievements.create'),
      as('js.qx', 'achievements.review'),
    ]);
  if (
    !manager ||
    !checker ||
    !asker ||
    !decider ||
    !returner ||
    !confirmer ||
    !writer ||
    !claimer ||
    !reviewer
  )
    return;
  await attendance.savePlace(on(ctx, '2026-10-30'), manager, receivingUnitId, PLACE);

  const cal = await calendarFor(ctx.db, ONPOST_MONTH.from, ONPOST_MONTH.to, null, ['from', 'to']);
  const onLeave = (d: string) => d >= LEAVE.startDate && d <= LEAVE.endDate;
  for (let d: string = ONPOST_MONTH.from; d <= ONPOST_MONTH.to; d = addDays(d, 1)) {
    if (!cal.isWorking(d) || onLeave(d) || d === ONPOST_MISSING_DAY) continue;
    await attendance.checkIn(on(ctx, d), checker, {
      postingId,
      location: { lat: PLACE.lat + 0.002, lng: PLACE.lng - 0.001, accuracy: 30 },
    });
  }

  let l = await leave.create(
    on(ctx, '2026-11-09'),
    asker,
    zLeaveInput.parse({
      postingId,
      kind: 'family_visit',
      startDate: LEAVE.startDate,
      startHalf: 'am',
      endDate: LEAVE.endDate,
      endHalf: 'pm',
      reason: '回苏州探望父母，工作已向镇长报告并交接。',
    }),
  );
  l = await leave.decide(on(ctx, '2026-11-10'), decider, l.id, {
    decision: 'approve',
    comment: '同意，注意路途安全。',
    version: l.version,
  });
  l = await leave.reportReturn(on(ctx, LEAVE.returnedOn), returner, l.id, {
    date: LEAVE.returnedOn,
    version: l.version,
  });
  await leave.confirmReturn(on(ctx, LEAVE.returnedOn), confirmer, l.id, l.version);

  for (const w of WORK) {
    await worklog.create(
      on(ctx, w.date),
      writer,
      zWorklogInput.parse({
        postingId,
        entryDate: w.date,
        category: w.category,
        title: w.title,
        body: w.body,
        place: w.place,
      }),
    );
  }
  for (const { verify, ...a } of ACHIEVEMENTS) {
    const entry = await achievements.create(
      on(ctx, a.date),
      claimer,
      zAchievementInput.parse({ ...a, postingId }),
    );
    if (verify)
      await achievements.review(on(ctx, addDays(a.date, 2)), reviewer, entry.id, 'verified', {
        comment: '经核实，情况属实。',
        version: entry.version,
      });
  }
  await seedMonthlyReport(ctx, postingId);
}

/** November's 情况报送 of the demo posting: written and submitted by the cadre, signed off by the town. */
async function seedMonthlyReport(ctx: AppContext, postingId: string): Promise<void> {
  const [writer, reviewer] = await Promise.all([
    actorFor(ctx, 'gb.wang', 'monthly.write'),
    actorFor(ctx, 'js.qx', 'monthly.review'),
  ]);
  if (!writer || !reviewer) return;
  let r = await monthly.create(on(ctx, '2026-12-01'), writer, {
    postingId,
    month: ONPOST_MONTH.from.slice(0, 7),
  });
  r = await monthly.update(on(ctx, '2026-12-01'), writer, r.id, {
    summary: '本月围绕茶产业发展开展调研，协助引进项目，按期完成各项工作。',
    plan: '下月继续跟进招商项目落地，做好年终总结。',
    version: r.version,
  });
  r = await monthly.submit(on(ctx, '2026-12-01'), writer, r.id, r.version);
  await monthly.review(on(ctx, '2026-12-02'), reviewer, r.id, 'signed', {
    version: r.version,
    comment: null,
  });
}
