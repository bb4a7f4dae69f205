import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ADMIN_ROLES } from '../common/accounts/accounts.schema.js';
import { t } from '../common/i18n/index.js';
import { createAccount, resetPasswordByUsername } from './accounts/accounts.service.js';
import { buildApp } from './app.js';
import { startDailyVerify } from './audit/audit.job.js';
import { archive, type BrokenRow, sealAnchor, verifyChain } from './audit/audit.service.js';
import { startScheduledBackups } from './backup/backup.job.js';
import { backupTo, manifestPath, openForBackup, restoreFrom } from './backup/backup.service.js';
import { systemClock } from './core/clock.js';
import { ConfigError, decodeDataKey, loadConfig, secretFile } from './core/config.js';
import { AppError } from './core/errors.js';
import { rotateDataKey, UndecryptableError } from './core/key-rotation.js';
import { openLogFile } from './core/log-file.js';
import { loggerOptions } from './core/logging.js';
import { MigrationError } from './core/migrate.js';
import { isEmptyInstall, type SeededAccount, seedDemo } from './demo/demo.seed.js';
import { runDailyReminders, startDailyReminders } from './reminders/reminders.job.js';
import { sendReminders } from './reminders/reminders.service.js';
import { describeDatabase, openRuntime } from './runtime.js';

const HELP = `guazhi — 挂职干部管理平台 / cadre temporary-posting platform

用法 / Usage: guazhi <命令 command> [参数 options]

命令 / Commands:
  serve                     启动网页服务（默认命令）；自动迁移数据库，空库时写入演示数据
                            start the web server (default); migrates, seeds the demo on an empty database
  migrate                   执行数据库迁移后退出 / run database migrations and exit
  create-admin <username>   创建管理员（默认系统管理员），最后一行输出一次性密码
                            create an administrator (system admin by default); prints its one-time password alone on the last line
                            --role system_admin | security_admin | audit_admin  （三员 / the three administrators）
  reset-password <username> 重置密码为一次性密码（首次登录须修改），最后一行输出该密码
                            reset to a one-time password (to be changed at next login), printed on the last line
  rotate-data-key           用新密钥重新加密全部个人信息（一个事务，全部成功或全部不变）；新密钥取自
                            GUAZHI_NEW_DATA_KEY，未设置且密钥保存在数据目录时自动生成。先停止所有实例
                            re-encrypt all personal data under a new key in one transaction (all or nothing); the new key
                            comes from GUAZHI_NEW_DATA_KEY, or is generated when the key lives in the data dir. Stop every instance first
  seed-demo                 写入演示数据（已存在的不重复写入）/ seed the demo data (idempotent)
  audit verify              校验审计日志哈希链（HMAC）及数据库外的锚点，列出每一条异常记录（退出码 1）
                            verify the audit log's keyed hash chain and its anchor; names every broken row (exit code 1)
  backup <file>             在服务运行、写入时也能做出一致的备份（SQLite: VACUUM INTO；PostgreSQL: pg_dump），旁边写清单 <file>.manifest.json（sha256、架构版本、各表行数）
                            a consistent backup while the app runs and writes, with a manifest beside it (checksum, schema version, rows)
  restore <file>            校验后恢复备份到配置的数据库（数据库须未在使用），检查完整性与各表行数
                            check and restore a backup into the configured database (which must not be in use)
  jobs run [--force]        运行每日任务（到期与待办提醒），供 cron 调用；当天已运行过则跳过，--force 仍补发未发送的提醒（不会重复发送）
                            run the daily jobs (reminders) for cron; skipped when already done today, --force sends what is still unsent (never twice)
  audit archive             将超过保留期（GUAZHI_AUDIT_RETENTION_DAYS，≥ 180 天）的审计记录归档到数据目录
                            move audit rows older than the retention period (≥ 180 days) into an archive file

选项 / Options:
  --display-name <名称>     create-admin 的显示名称 / display name for create-admin
  --role <角色>             create-admin 的角色 / role for create-admin
  -h, --help                显示本帮助 / show this help

配置见 README 的环境变量表（PORT, HOST, GUAZHI_DATA_DIR, DATABASE_URL, GUAZHI_DEMO …）。
Configuration: see the environment variables in the README.`;

const BREAK_REASONS: Record<BrokenRow['reason'], string> = {
  missing: 'rows missing',
  previousHash: 'previous hash does not match',
  content: 'content does not match its hash',
  legacyAfterKeyed: 'unkeyed row after the keyed chain began',
  truncated: 'the anchored row is gone (rows cut from the end)',
  headMismatch: 'the chain head does not match the last row',
  anchorMissing: 'the anchor outside the database is missing',
  anchorMismatch: 'the hash differs from the anchor outside the database',
};

function describeBreak(b: BrokenRow): string {
  const rows = b.untilSeq !== undefined && b.untilSeq !== b.seq ? `#${b.seq}–#${b.untilSeq}` : `#${b.seq}`;
  return `  ${rows}: ${t(`audit.break.${b.reason}`)} / ${BREAK_REASONS[b.reason]}`;
}

function printAccounts(accounts: SeededAccount[]): void {
  if (accounts.length === 0) return;
  const width = Math.max(...accounts.map((a) => displayWidth(a.displayName)));
  const lines = accounts.map((a) => {
    const name = a.displayName + ' '.repeat(width - displayWidth(a.displayName));
    return `  ${a.username.padEnd(8)} ${a.oneTimePassword}   ${name}${a.access ? `  (${a.access})` : ''}`.trimEnd();
  });
  const header =
    '演示账号（一次性密码，首次登录须修改）/ demo accounts (one-time passwords, change at first login):';
  // one write: the block is never split by a log line
  process.stdout.write(`${[header, ...lines].join('\n')}\n`);
}

/** Columns a text takes in a terminal: CJK characters take two. */
function displayWidth(text: string): number {
  let n = 0;
  for (const ch of text)
    n += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(
      ch,
    )
      ? 2
      : 1;
  return n;
}

function printBackupBeforeMigrations(file: string | null): void {
  if (file) console.log(`迁移前已备份 / backed up before migrating: ${file}`);
}

async function backupCommand(file: string): Promise<number> {
  const config = loadConfig();
  const target = openForBackup(config, systemClock);
  try {
    const m = await backupTo(target, file);
    const rows = Object.values(m.tables).reduce((a, b) => a + b, 0);
    console.log(`已备份 / backup written: ${path.resolve(file)} (${(m.bytes / 1048576).toFixed(1)} MB)`);
    console.log(`清单 / manifest: ${manifestPath(path.resolve(file))}`);
    console.log(`  sha256 ${m.sha256}`);
    console.log(`  架构版本 / schema version: ${m.schemaVersion}`);
    console.log(
      `  ${Object.keys(m.tables).length} 张表 / tables, ${rows} 行 / rows, 备份时间 / taken at ${m.createdAt}`,
    );
    console.log(
      '数据密钥与审计密钥不在备份中，须另行妥善保管（恢复时需要）/ the data and audit keys are not in the backup: keep them apart, a restore needs them',
    );
    return 0;
  } finally {
    await target.close();
  }
}

async function restoreCommand(file: string): Promise<number> {
  const config = loadConfig();
  const r = await restoreFrom(config, systemClock, file);
  const m = r.manifest;
  console.log(`已恢复 / restored: ${path.resolve(file)} → ${describeDatabase(config)}`);
  console.log(`  备份时间 / taken at: ${m.createdAt}`);
  console.log(`  架构版本 / schema version: ${m.schemaVersion}`);
  console.log(`  完整性检查 / integrity check: ${r.integrity}`);
  console.log(
    `  ${Object.keys(m.tables).length} 张表、${r.rows} 行，与清单一致 / tables and ${r.rows} rows, as in the manifest:`,
  );
  for (const [table, n] of Object.entries(m.tables)) console.log(`    ${table.padEnd(28)} ${n}`);
  if (r.movedAside) console.log(`原数据库已保留为 / the previous database is kept as: ${r.movedAside}`);
  if (!r.audit.ok) {
    console.error(
      '审计日志校验未通过，请运行 guazhi audit verify 查看 / audit chain broken: run guazhi audit verify',
    );
    return 1;
  }
  console.log(
    `审计日志完整 / audit chain intact: ${r.audit.checked} 条记录 / rows; 锚点 / anchor → #${m.auditHead?.seq ?? 0}${r.audit.previousAnchorSeq !== null ? ` (原为 / was #${r.audit.previousAnchorSeq})` : ''}`,
  );
  console.log('现在可以启动服务 / now start the server: npx guazhi serve');
  return 0;
}

const DATA_KEY_FILE = 'data-key';

/**
 * `rotate-data-key` (ADR 020). With the current key in `<data dir>/secrets/data-key`, the new key
 * is staged beside it (`data-key.new`) before the re-encryption and replaces it after the commit;
 * a run interrupted in between is finished by running the command again (values already under the
 * new key are left as they are). With the current key in the environment, the new one must come
 * from GUAZHI_NEW_DATA_KEY and the operator puts it in place of the old.
 */
async function rotateKeyCommand(): Promise<number> {
  const config = loadConfig();
  const fromEnv = Boolean(process.env.GUAZHI_DATA_KEY);
  const keyFile = secretFile(config.dataDir, DATA_KEY_FILE);
  const staged = `${keyFile}.new`;
  const given = process.env.GUAZHI_NEW_DATA_KEY?.trim();
  let newKey: Buffer;
  if (given) {
    const decoded = decodeDataKey(given);
    if (!decoded) {
      throw new ConfigError(
        'GUAZHI_NEW_DATA_KEY',
        '须为 32 字节密钥（64 位十六进制或 base64）/ must be a 32-byte key as 64 hex digits or base64',
      );
    }
    newKey = decoded;
  } else if (fromEnv) {
    console.error(
      '当前密钥来自环境变量 GUAZHI_DATA_KEY：请用 GUAZHI_NEW_DATA_KEY 提供新密钥（例如 openssl rand -hex 32）/ the current key comes from GUAZHI_DATA_KEY: give the new one in GUAZHI_NEW_DATA_KEY',
    );
    return 2;
  } else if (existsSync(staged)) {
    const decoded = decodeDataKey(readFileSync(staged, 'utf8').trim());
    if (!decoded) throw new ConfigError('GUAZHI_NEW_DATA_KEY', `${staged} 内容无效 / content is invalid`);
    newKey = decoded; // the key of an interrupted run
  } else {
    newKey = randomBytes(32);
  }
  if (!fromEnv) writeFileSync(staged, `${newKey.toString('hex')}\n`, { mode: 0o600 });
  const runtime = await openRuntime(config);
  let result: Awaited<ReturnType<typeof rotateDataKey>>;
  try {
    result = await rotateDataKey(runtime.ctx, config.dataKey, newKey);
  } catch (error) {
    if (error instanceof UndecryptableError) {
      console.error(
        `无法解密 ${error.table}.${error.column}（记录 ${error.id}）：当前密钥与数据不符，未作任何更改 / ${error.message}; nothing was changed`,
      );
      return 1;
    }
    throw error;
  } finally {
    await runtime.close();
  }
  const total = Object.values(result.rotated).reduce((a, b) => a + b, 0);
  const tables = Object.entries(result.rotated)
    .map(([table, n]) => `${table} ${n}`)
    .join(', ');
  console.log(
    `已用新密钥重新加密 ${total} 个值 / re-encrypted ${total} values under the new key (${tables})`,
  );
  if (result.alreadyNew > 0) {
    console.log(`${result.alreadyNew} 个值已是新密钥加密 / values were already under the new key`);
  }
  if (fromEnv) {
    console.log(
      '请在每个实例上将 GUAZHI_DATA_KEY 换成新密钥后再启动；旧密钥已不能解密当前数据，只用于此前的备份 / set GUAZHI_DATA_KEY to the new key on every instance before starting them; keep the old key only with backups made before now',
    );
  } else {
    renameSync(staged, keyFile);
    console.log(`新密钥已写入 / the new key is in ${keyFile}`);
  }
  return 0;
}

async function serve(): Promise<void> {
  const config = loadConfig();
  const runtime = await openRuntime(config);
  let seeded: SeededAccount[] = [];
  if (config.demo && (await isEmptyInstall(runtime.ctx))) seeded = await seedDemo(runtime.ctx);
  const logFile = config.logDir
    ? openLogFile({ dir: config.logDir, retentionDays: config.logRetentionDays })
    : undefined;
  const app = await buildApp(runtime.ctx, { logger: loggerOptions(config.logLevel, logFile) });
  // the first start after the upgrade: the chain's head is anchored outside the database
  await sealAnchor(runtime.ctx);
  const stopDailyVerify = startDailyVerify(runtime.ctx, app.log);
  const stopReminders = startDailyReminders(runtime.ctx, app.log);
  const stopBackups = startScheduledBackups({ ...runtime.ctx, db: runtime.handle.db }, app.log);
  const close = async () => {
    stopDailyVerify();
    stopReminders();
    stopBackups();
    await app.close();
    await runtime.close();
    await logFile?.close();
    process.exit(0);
  };
  process.once('SIGINT', close);
  process.once('SIGTERM', close);
  await app.listen({ port: config.port, host: config.host });
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  console.log('');
  console.log(`挂职干部管理平台已启动 / guazhi is running: http://${host}:${config.port}`);
  console.log(`数据 / data: ${describeDatabase(config)}  (目录 / data dir: ${config.dataDir})`);
  console.log(`接口文档 / API docs: http://${host}:${config.port}/api/docs`);
  printBackupBeforeMigrations(runtime.backupBeforeMigrations);
  if (config.backupDir) {
    console.log(
      `定时备份 / scheduled backups: 每 ${config.backupEveryHours} 小时 / every ${config.backupEveryHours} h → ${config.backupDir}（保留 / keep ${config.backupKeep}）`,
    );
  }
  if (logFile)
    console.log(
      `请求日志 / request log: ${logFile.current()}（保留 / kept ${config.logRetentionDays} 天 days）`,
    );
  printAccounts(seeded);
  if (seeded.length === 0 && (await isEmptyInstall(runtime.ctx))) {
    console.log(
      '尚无账号：运行 npx guazhi create-admin <用户名> 创建管理员 / no accounts yet: run npx guazhi create-admin <username>',
    );
  }
}

/** Commands that work on data already there: run elsewhere, they must not create an empty database. */
const NEEDS_EXISTING_DATA = new Set(['reset-password', 'audit', 'backup', 'rotate-data-key', 'jobs']);

/**
 * Where `command` looked for the SQLite database when it is not there (before any config is
 * loaded, so nothing is created): the sentence to print, or null. PostgreSQL says so itself.
 */
function missingDatabase(command: string, env: NodeJS.ProcessEnv = process.env): string | null {
  if (!NEEDS_EXISTING_DATA.has(command) || env.DATABASE_URL) return null;
  const dataDir = path.resolve(env.GUAZHI_DATA_DIR || './data');
  const file = path.join(dataDir, 'guazhi.sqlite');
  if (existsSync(file)) return null;
  const how = env.GUAZHI_DATA_DIR
    ? `GUAZHI_DATA_DIR=${env.GUAZHI_DATA_DIR}`
    : `GUAZHI_DATA_DIR 未设置，默认为当前目录下的 ./data / GUAZHI_DATA_DIR unset, so ./data of ${process.cwd()}`;
  return [
    `找不到数据库 / no database: ${file}`,
    `  (${how})`,
    '请在应用所在目录运行，或将 GUAZHI_DATA_DIR 设为其数据目录；未创建任何文件 / run it where the app runs, or set GUAZHI_DATA_DIR to its data dir; nothing was created',
  ].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      help: { type: 'boolean', short: 'h' },
      'display-name': { type: 'string' },
      role: { type: 'string', default: 'system_admin' },
      force: { type: 'boolean' },
    },
  });
  const [command = 'serve', ...rest] = positionals;
  if (values.help || command === 'help') {
    console.log(HELP);
    return 0;
  }
  const missing = missingDatabase(command);
  if (missing) {
    console.error(missing);
    return 1;
  }
  switch (command) {
    case 'serve':
      await serve();
      return -1; // keeps running
    case 'backup':
    case 'restore': {
      const file = rest[0];
      if (!file) {
        console.error(`缺少文件名 / missing <file>: guazhi ${command} <file>`);
        return 2;
      }
      return command === 'backup' ? backupCommand(file) : restoreCommand(file);
    }
    case 'migrate': {
      const config = loadConfig();
      const runtime = await openRuntime(config);
      printBackupBeforeMigrations(runtime.backupBeforeMigrations);
      console.log(
        runtime.migrated.length
          ? `已执行迁移 / applied: ${runtime.migrated.join(', ')}`
          : '数据库已是最新 / database is up to date',
      );
      console.log(`数据 / data: ${describeDatabase(config)}`);
      await runtime.close();
      return 0;
    }
    case 'create-admin':
    case 'reset-password': {
      const username = rest[0];
      if (!username) {
        console.error(`缺少用户名 / missing <username>: guazhi ${command} <username>`);
        return 2;
      }
      const role = values.role as (typeof ADMIN_ROLES)[number];
      if (!(ADMIN_ROLES as readonly string[]).includes(role)) {
        console.error(`--role 须为 / must be one of: ${ADMIN_ROLES.join(', ')}`);
        return 2;
      }
      const runtime = await openRuntime(loadConfig());
      const who = { actorId: null, actorName: `cli:${command}`, ip: null };
      try {
        let password: string;
        if (command === 'create-admin') {
          ({ oneTimePassword: password } = await createAccount(
            runtime.ctx,
            who,
            { username, displayName: values['display-name'] ?? t(`role.${role}`) },
            [{ role, regionCode: null, unitId: null, programmeIds: null }],
          ));
          console.log(
            `已创建${t(`role.${role}`)} ${username.toLowerCase()} / created ${role}; one-time password (change at first login, then enrol TOTP):`,
          );
        } else {
          ({ oneTimePassword: password } = await resetPasswordByUsername(runtime.ctx, who, username));
          console.log(
            `已重置 ${username.toLowerCase()} 的密码 / password reset; one-time password (change at next login):`,
          );
        }
        console.log(password);
      } finally {
        await runtime.close();
      }
      return 0;
    }
    case 'audit': {
      const sub = rest[0];
      if (sub !== 'verify' && sub !== 'archive') {
        console.error('用法 / usage: guazhi audit verify | guazhi audit archive');
        return 2;
      }
      const config = loadConfig();
      const runtime = await openRuntime(config);
      try {
        if (sub === 'verify') {
          const result = await verifyChain(runtime.ctx);
          if (result.ok) {
            console.log(
              `审计日志完整 / audit chain intact: ${result.checked} 条记录 / rows checked, last #${result.lastSeq}`,
            );
            return 0;
          }
          console.error(
            `审计日志被破坏，共 ${result.broken.length} 处 / audit chain broken in ${result.broken.length} places (${result.checked} rows checked):`,
          );
          for (const b of result.broken) console.error(describeBreak(b));
          return 1;
        }
        const { archived, file } = await archive(runtime.ctx, config.auditRetentionDays);
        console.log(
          archived
            ? `已归档 ${archived} 条审计记录 / archived ${archived} rows → ${file}`
            : `没有超过 ${config.auditRetentionDays} 天的审计记录 / nothing older than ${config.auditRetentionDays} days`,
        );
        return 0;
      } finally {
        await runtime.close();
      }
    }
    case 'jobs': {
      if (rest[0] !== 'run') {
        console.error('用法 / usage: guazhi jobs run [--force]');
        return 2;
      }
      const runtime = await openRuntime(loadConfig());
      try {
        const result = values.force ? await sendReminders(runtime.ctx) : await runDailyReminders(runtime.ctx);
        console.log(
          result
            ? `${t('jobs.reminders.done', { count: result.total })} / reminders sent: ${result.total} (${result.day})`
            : `${t('jobs.reminders.skipped')} / reminders already done today`,
        );
      } finally {
        await runtime.close();
      }
      return 0;
    }
    case 'rotate-data-key':
      return rotateKeyCommand();
    case 'seed-demo': {
      const runtime = await openRuntime(loadConfig());
      try {
        const accounts = await seedDemo(runtime.ctx);
        console.log('演示数据已写入 / demo data seeded');
        printAccounts(accounts);
      } finally {
        await runtime.close();
      }
      return 0;
    }
    default:
      console.error(`未知命令 / unknown command: ${command}\n\n${HELP}`);
      return 2;
  }
}

export async function run(argv: string[]): Promise<void> {
  try {
    const code = await main(argv);
    if (code >= 0) process.exit(code);
  } catch (error) {
    if (error instanceof ConfigError || error instanceof MigrationError) {
      console.error(`guazhi: ${error.message}`);
    } else if (error instanceof AppError) {
      console.error(`guazhi: ${error.message}`);
    } else if ((error as { code?: string }).code === 'EADDRINUSE') {
      console.error(
        `guazhi: 端口已被占用，请换一个 PORT / address in use, choose another PORT: ${(error as Error).message}`,
      );
    } else if ((error as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      console.error(`guazhi: ${(error as Error).message}\n\n${HELP}`);
    } else {
      console.error('guazhi: 启动失败 / failed:', error);
    }
    process.exit(1);
  }
}
