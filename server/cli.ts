import { parseArgs } from 'node:util';
import type { Role } from '../common/auth/auth.schema.js';
import { buildApp } from './app.js';
import { createAccount, resetPassword } from './auth/auth.service.js';
import { generateOneTimePassword } from './auth/password.js';
import { ConfigError, loadConfig } from './core/config.js';
import { AppError } from './core/errors.js';
import { MigrationError } from './core/migrate.js';
import { isEmptyInstall, type SeededAccount, seedDemo } from './demo/demo.seed.js';
import { describeDatabase, openRuntime } from './runtime.js';

const HELP = `guazhi — 挂职干部管理平台 / cadre temporary-posting platform

用法 / Usage: guazhi <命令 command> [参数 options]

命令 / Commands:
  serve                     启动网页服务（默认命令）；自动迁移数据库，空库时写入演示数据
                            start the web server (default); migrates, seeds the demo on an empty database
  migrate                   执行数据库迁移后退出 / run database migrations and exit
  create-admin <username>   创建系统管理员，最后一行输出一次性密码
                            create a system administrator; prints its one-time password alone on the last line
  reset-password <username> 重置密码为一次性密码（首次登录须修改），最后一行输出该密码
                            reset to a one-time password (to be changed at next login), printed on the last line
  seed-demo                 写入演示数据（已存在的不重复写入）/ seed the demo data (idempotent)

选项 / Options:
  --display-name <名称>     create-admin 的显示名称 / display name for create-admin
  -h, --help                显示本帮助 / show this help

配置见 README 的环境变量表（PORT, HOST, GUAZHI_DATA_DIR, DATABASE_URL, GUAZHI_DEMO …）。
Configuration: see the environment variables in the README.`;

function printAccounts(accounts: SeededAccount[]): void {
  if (accounts.length === 0) return;
  console.log(
    '演示账号（一次性密码，首次登录须修改）/ demo accounts (one-time passwords, change at first login):',
  );
  for (const a of accounts) console.log(`  ${a.username.padEnd(8)} ${a.oneTimePassword}   ${a.displayName}`);
}

async function serve(): Promise<void> {
  const config = loadConfig();
  const runtime = await openRuntime(config);
  let seeded: SeededAccount[] = [];
  if (config.demo && (await isEmptyInstall(runtime.ctx))) seeded = await seedDemo(runtime.ctx);
  const app = await buildApp(runtime.ctx, { logger: { level: config.logLevel } });
  const close = async () => {
    await app.close();
    await runtime.close();
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
  printAccounts(seeded);
  if (seeded.length === 0 && (await isEmptyInstall(runtime.ctx))) {
    console.log(
      '尚无账号：运行 npx guazhi create-admin <用户名> 创建管理员 / no accounts yet: run npx guazhi create-admin <username>',
    );
  }
}

export async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { help: { type: 'boolean', short: 'h' }, 'display-name': { type: 'string' } },
  });
  const [command = 'serve', ...rest] = positionals;
  if (values.help || command === 'help') {
    console.log(HELP);
    return 0;
  }
  switch (command) {
    case 'serve':
      await serve();
      return -1; // keeps running
    case 'migrate': {
      const config = loadConfig();
      const runtime = await openRuntime(config);
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
      const runtime = await openRuntime(loadConfig());
      try {
        const password = generateOneTimePassword();
        if (command === 'create-admin') {
          const roles: Role[] = ['system_admin'];
          await createAccount(runtime.ctx, {
            username,
            displayName: values['display-name'] ?? '系统管理员',
            roles,
            oneTimePassword: password,
          });
          console.log(
            `已创建系统管理员 ${username.toLowerCase()} / created system administrator; one-time password (change at first login):`,
          );
        } else {
          await resetPassword(runtime.ctx, username, password);
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
