/** Texts of sign-in throttling, the password policy and the second factor (ADR 018). Part of the one catalogue in ./zh-CN.ts. */
export const zhCNAuth = {
  'login.throttled': '该账号在此网络地址的登录失败次数过多，请于 {wait}后再试',
  'login.sourceThrottled':
    '此网络地址的登录失败次数过多，请于 {wait}后再试；已绑定动态验证码的账号可同时输入密码和动态验证码立即登录',
  'login.wait.seconds': '{n} 秒',
  'login.wait.minutes': '{n} 分钟',
  'login.codeOptional': '动态验证码（已绑定的账号可填写）',
  'login.codeHint': '填写密码和动态验证码可一步完成登录，不受此网络地址失败次数的限制。',
  'login.historyNote': '另须：不能与最近 5 次使用过的密码相同（提交时检查）',
  'password.common': '不能使用常见密码（属于最常用的 10000 个密码之一）',
  'password.recentlyUsed': '不能与最近 5 次使用过的密码相同',
  'totp.tooManyTries': '动态验证码错误次数过多，本次登录已结束，请重新输入密码登录',
  'notification.auth.accountLocked':
    '账号 {username} 连续登录失败 {count} 次，已锁定 {minutes} 分钟（最后一次来自 {source}）。请核查是否遭受攻击；确认后可在账号管理中解锁',
  'auditAction.auth.lock': '锁定账号（登录失败次数过多）',
} as const;
