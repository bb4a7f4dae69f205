/** Texts of the home page, the inbox and the daily reminders. Part of the one catalogue in ./zh-CN.ts. */
export const zhCNHome = {
  // home page (GET /api/home): one section per role
  'home.pending': '我的待办',
  'home.urgent': '请尽快处理',
  'home.loadFailed': '待办事项加载失败，请稍后再试',
  'home.section.org_dept': '组织部门',
  'home.section.sending_liaison': '派出单位',
  'home.section.receiving_manager': '接收单位',
  'home.section.cadre': '我的挂职',
  'home.empty.org_dept': '暂无待审核的岗位需求和推荐人选。可在“项目管理”中新建项目和批次，开始一轮选派。',
  'home.empty.sending_liaison':
    '暂无待办事项。批次进入选派阶段后，可在“干部推荐”中推荐本单位干部；干部提交的档案更正申请会显示在这里。',
  'home.empty.receiving_manager':
    '暂无待办事项。批次筹备或选派期间，可在“岗位需求”中提报本单位的挂职岗位；拟任干部到岗后请登记对接交接。',
  'home.empty.cadre': '暂无挂职安排。请在“我的档案”中核对本人信息，如有错误请申请更正。',
  'home.noRoles': '当前账号没有业务待办。可通过左侧菜单进入有权限的功能。',
  'home.open': '前往处理：{title}',
  'home.next': '下一步：{next}',
  'home.item.postsToReview': '待审核的岗位需求 {count} 项',
  'home.item.nominationsToReview': '待审核的推荐人选 {count} 人',
  'home.item.batchesPreparing': '筹备中的批次 {count} 个',
  'home.item.batchesSelecting': '选派中的批次 {count} 个',
  'home.item.batchesOnPost': '在岗阶段的批次 {count} 个',
  'home.item.termsEnding': '30 天内期满的挂职 {count} 人',
  'home.item.handoversMissing': '拟任后尚未登记交接 {count} 人',
  'home.item.nominationsPending': '已推荐、待组织部门审核 {count} 人',
  'home.item.correctionsToReview': '待审核的档案更正申请 {count} 项',
  'home.item.cadresProposed': '本单位干部拟任 {count} 人',
  'home.item.cadresOnPost': '本单位干部在岗 {count} 人',
  'home.item.cadresToReturn': '本单位干部期满待返回 {count} 人',
  'home.item.postsReturned': '被退回待修改的岗位需求 {count} 项',
  'home.item.postsDraft': '尚未提交的岗位需求草稿 {count} 项',
  'home.item.handoversToRecord': '待登记对接交接（到岗日期、明确分工）的拟任干部 {count} 人',
  'home.item.hostedOnPost': '在本单位挂职的干部 {count} 人',
  'home.item.myPosting': '{title}（{status}）',
  'home.item.myCorrections': '我的档案更正申请待审核 {count} 项',
  'home.posting.detail': '{region}；任期 {dates}；分工：{duties}',
  'home.posting.noDuties': '待接收单位明确',
  'home.posting.next.proposed': '等待接收单位登记对接交接；请与接收单位联系报到',
  'home.posting.next.active': '按分工开展工作，期满前做好总结',
  'home.posting.next.ended': '任期已满，等待办理返回',

  // inbox
  'inbox.title': '消息中心',
  'inbox.all': '全部',
  'inbox.unread': '未读',
  'inbox.markAllRead': '全部标为已读',
  'inbox.markedAll': '已将 {count} 条通知标为已读',
  'inbox.open': '查看',
  'inbox.viewAll': '查看全部通知',
  'inbox.empty': '暂无通知。到期提醒、待审核提醒等会显示在这里。',
  'inbox.emptyUnread': '没有未读通知',
  'auditAction.notifications.markRead': '标记通知已读',
  'auditAction.notifications.markAllRead': '全部通知标为已读',

  // the daily reminders (server/reminders)
  'notification.reminder.termEnding30':
    '{cadre}在{unit}的挂职（{title}）将于 {endDate} 期满，还有 {days} 天，请提前安排总结考核与返回事宜',
  'notification.reminder.termEnding7': '{cadre}在{unit}的挂职（{title}）将于 {endDate} 期满，仅剩 {days} 天',
  'notification.reminder.postWaiting':
    '{unit}提报的岗位需求“{title}”（{batch}）已等待审核 {days} 天，请尽快审核',
  'notification.reminder.nominationWaiting': '{unit}推荐的{cadre}（{batch}）已等待审核 {days} 天，请尽快审核',
  'notification.reminder.correctionWaiting': '{cadre}提交的档案更正申请已等待审核 {days} 天，请尽快处理',
  'notification.reminder.handoverMissing':
    '{cadre}拟任{unit}“{title}”已 {days} 天，尚未登记对接交接，请尽快登记到岗情况',
  'jobs.reminders.done': '到期提醒已发送 {count} 条',
  'jobs.reminders.skipped': '今日到期提醒已由其他实例或先前的运行完成',
} as const;
