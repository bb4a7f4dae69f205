import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { verifyPassword } from './auth/password.js';
import { fieldCipher } from './core/crypto.js';
import { DEMO_COHORT } from './demo/demo.cohort.js';
import { DEMO_REGISTRY } from './demo/demo.registry.js';

/** Runs the real command line (server/main.ts through tsx) in a child process. */
function guazhi(args: string[], env: Record<string, string> = {}, cwd = process.cwd()) {
  const main = path.resolve(import.meta.dirname, 'main.ts');
  // tsx by its resolved path: the command may run in a folder without node_modules
  const result = spawnSync(process.execPath, ['--import', import.meta.resolve('tsx'), main, ...args], {
    encoding: 'utf8',
    cwd,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'silent', ...env },
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
const dataDir = () => mkdtempSync(path.join(os.tmpdir(), 'guazhi-cli-'));

// each case runs the built command several times (a fresh node, migrations on a new file): slow on a busy machine
describe('guazhi command line', { timeout: 120_000 }, () => {
  it('--help speaks Chinese and English', () => {
    const { code, stdout } = guazhi(['--help']);
    expect(code).toBe(0);
    for (const text of [
      '用法 / Usage',
      'create-admin <username>',
      '执行数据库迁移',
      'run database migrations',
      'seed-demo',
    ]) {
      expect(stdout).toContain(text);
    }
  });

  it('stops on a bad setting with one line naming it, exit code not 0', () => {
    const { code, stderr } = guazhi(['serve'], { PORT: 'abc', GUAZHI_DATA_DIR: dataDir() });
    expect(code).toBe(1);
    const lines = stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('PORT');
    expect(lines[0]).toContain('abc');
  });

  it('a command that needs data, run where there is none, says where it looked and creates nothing', () => {
    const empty = dataDir();
    for (const args of [
      ['reset-password', 'admin'],
      ['audit', 'verify'],
      ['backup', 'x.sqlite'],
      ['rotate-data-key'],
      ['jobs', 'run'],
    ]) {
      const { code, stderr } = guazhi(args, {}, empty);
      expect(code, args.join(' ')).toBe(1);
      expect(stderr).toContain(`找不到数据库 / no database: ${path.join(empty, 'data', 'guazhi.sqlite')}`);
      expect(stderr).toContain('GUAZHI_DATA_DIR 未设置');
      expect(existsSync(path.join(empty, 'data')), args.join(' ')).toBe(false);
    }
    const elsewhere = path.join(empty, 'nowhere');
    const named = guazhi(['audit', 'verify'], { GUAZHI_DATA_DIR: elsewhere });
    expect(named.code).toBe(1);
    expect(named.stderr).toContain(`GUAZHI_DATA_DIR=${elsewhere}`);
    expect(existsSync(elsewhere)).toBe(false);
  });

  it('reset-password of an unknown username says so in its own words', () => {
    const dir = dataDir();
    expect(guazhi(['migrate'], { GUAZHI_DATA_DIR: dir }).code).toBe(0);
    const { code, stderr } = guazhi(['reset-password', 'Nobody'], { GUAZHI_DATA_DIR: dir });
    expect(code).toBe(1);
    expect(stderr).toContain('没有用户名为“nobody”的账号，请检查拼写（用户名不区分大小写）');
  });

  it('migrate applies migrations once, then reports up to date', () => {
    const dir = dataDir();
    const first = guazhi(['migrate'], { GUAZHI_DATA_DIR: dir });
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('_foundation');
    expect(first.stdout).toContain(path.join(dir, 'guazhi.sqlite'));
    const second = guazhi(['migrate'], { GUAZHI_DATA_DIR: dir });
    expect(second.stdout).toContain('数据库已是最新 / database is up to date');
  });

  it('create-admin prints the one-time password alone on the last line; it works and must be changed', async () => {
    const dir = dataDir();
    const { code, stdout } = guazhi(['create-admin', 'Alice'], { GUAZHI_DATA_DIR: dir });
    expect(code).toBe(0);
    const password = stdout.trim().split('\n').at(-1) as string;
    expect(password).toMatch(/^\S{16}$/);
    const db = new Database(path.join(dir, 'guazhi.sqlite'), { readonly: true });
    const user = db
      .prepare('select password_hash, must_change_password from users where username = ?')
      .get('alice') as {
      password_hash: string;
      must_change_password: number;
    };
    const roles = db.prepare('select role from user_roles').all();
    db.close();
    expect(user.must_change_password).toBe(1);
    expect(await verifyPassword(user.password_hash, password)).toBe(true);
    expect(roles).toEqual([{ role: 'system_admin' }]);
    const again = guazhi(['create-admin', 'alice'], { GUAZHI_DATA_DIR: dir });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('用户名“alice”已被使用');
  });

  it('create-admin --role makes each of the three administrators, and nothing else', () => {
    const dir = dataDir();
    for (const role of ['security_admin', 'audit_admin']) {
      const { code, stdout } = guazhi(['create-admin', `a-${role}`, '--role', role], {
        GUAZHI_DATA_DIR: dir,
      });
      expect(code).toBe(0);
      expect(stdout.trim().split('\n').at(-1)).toMatch(/^\S{16}$/);
    }
    const bad = guazhi(['create-admin', 'x', '--role', 'org_dept'], { GUAZHI_DATA_DIR: dir });
    expect(bad.code).toBe(2);
    const db = new Database(path.join(dir, 'guazhi.sqlite'), { readonly: true });
    expect(db.prepare('select role from user_roles order by role').all()).toEqual([
      { role: 'audit_admin' },
      { role: 'security_admin' },
    ]);
    db.close();
  });

  it('audit verify passes an intact chain and names every tampered row (exit 1)', () => {
    const dir = dataDir();
    expect(guazhi(['seed-demo'], { GUAZHI_DATA_DIR: dir }).code).toBe(0);
    const ok = guazhi(['audit', 'verify'], { GUAZHI_DATA_DIR: dir });
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/审计日志完整 \/ audit chain intact: \d+ 条记录/);
    const db = new Database(path.join(dir, 'guazhi.sqlite'));
    db.exec('drop trigger audit_log_no_update');
    db.prepare("update audit_log set actor_name = 'mallory' where seq in (7, 9)").run();
    db.close();
    const broken = guazhi(['audit', 'verify'], { GUAZHI_DATA_DIR: dir });
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('审计日志被破坏，共 2 处 / audit chain broken in 2 places');
    expect(broken.stderr).toContain('  #7: 内容与哈希不符 / content does not match its hash\n');
    expect(broken.stderr).toContain('  #9: 内容与哈希不符 / content does not match its hash\n');
  });

  it('rotate-data-key re-encrypts personal data under a new key: found with it, unreadable with the old', () => {
    const dir = dataDir();
    expect(guazhi(['seed-demo'], { GUAZHI_DATA_DIR: dir }).code).toBe(0);
    const keyFile = path.join(dir, 'secrets', 'data-key');
    const oldKey = Buffer.from(readFileSync(keyFile, 'utf8').trim(), 'hex');
    const file = path.join(dir, 'guazhi.sqlite');
    const cadres = () => {
      const db = new Database(file, { readonly: true });
      const rows = db.prepare('select id, id_number_enc, id_number_index from cadres order by id').all() as {
        id: string;
        id_number_enc: string;
        id_number_index: string;
      }[];
      db.close();
      return rows;
    };
    const before = cadres();
    expect(before.length).toBeGreaterThan(0);

    const run = guazhi(['rotate-data-key'], { GUAZHI_DATA_DIR: dir });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /已用新密钥重新加密 \d+ 个值 \/ re-encrypted \d+ values under the new key \(users \d+, cadres \d+/,
    );
    const newKey = Buffer.from(readFileSync(keyFile, 'utf8').trim(), 'hex');
    expect(newKey.length).toBe(32);
    expect(newKey.equals(oldKey)).toBe(false);
    expect(existsSync(`${keyFile}.new`)).toBe(false);

    const after = cadres();
    const [oldCipher, newCipher] = [fieldCipher(oldKey), fieldCipher(newKey)];
    for (const [i, row] of after.entries()) {
      const was = before[i] as (typeof before)[number];
      const idNumber = newCipher.decrypt(row.id_number_enc, 'cadres.id_number');
      expect(idNumber).toBe(oldCipher.decrypt(was.id_number_enc, 'cadres.id_number'));
      expect(() => oldCipher.decrypt(row.id_number_enc, 'cadres.id_number')).toThrow();
      expect(row.id_number_index).toBe(newCipher.blindIndex(idNumber, 'cadres.id_number'));
    }
    // seed-demo finds each demo cadre by its ID number (the blind index): none is added twice
    expect(guazhi(['seed-demo'], { GUAZHI_DATA_DIR: dir }).code).toBe(0);
    expect(cadres()).toHaveLength(before.length);
    expect(guazhi(['audit', 'verify'], { GUAZHI_DATA_DIR: dir }).code).toBe(0);

    // with the key in the environment, the new one must be given; a wrong current key changes nothing
    const env = { GUAZHI_DATA_DIR: dir, GUAZHI_DATA_KEY: oldKey.toString('hex') };
    expect(guazhi(['rotate-data-key'], env).code).toBe(2);
    const wrong = guazhi(['rotate-data-key'], { ...env, GUAZHI_NEW_DATA_KEY: '11'.repeat(32) });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('当前密钥与数据不符，未作任何更改');
    expect(cadres()).toEqual(after);
  }, 180_000);

  it('audit archive refuses a retention under 180 days', () => {
    const dir = dataDir();
    expect(guazhi(['migrate'], { GUAZHI_DATA_DIR: dir }).code).toBe(0); // archive needs a database
    const { code, stderr } = guazhi(['audit', 'archive'], {
      GUAZHI_DATA_DIR: dir,
      GUAZHI_AUDIT_RETENTION_DAYS: '30',
    });
    expect(code).toBe(1);
    expect(stderr).toContain('GUAZHI_AUDIT_RETENTION_DAYS');
  });

  it('seed-demo seeds and prints the demo accounts', () => {
    const { code, stdout } = guazhi(['seed-demo'], { GUAZHI_DATA_DIR: dataDir() });
    expect(code).toBe(0);
    // one block, each account with its one-time password and, beside it, what it may do
    const block = stdout.slice(stdout.indexOf('演示账号')).trimEnd().split('\n');
    expect(block).toHaveLength(10);
    expect(block[1]).toMatch(/^ {2}admin {4}[A-Za-z][A-Za-z0-9@%+\-_.:]{15} {3}系统管理员$/);
    expect(block.find((l) => l.includes(' zzb '))).toMatch(
      /^ {2}zzb {6}\S{16} {3}黔东南州委组织部 林晓雯 +\(组织部，黔东南苗族侗族自治州\)$/,
    );
    expect(block.find((l) => l.includes(' pc.qf '))).toContain('(派出单位联络员)');
    expect(block.find((l) => l.includes(' gb.zhou '))).toContain('(挂职干部)');
    expect(block.find((l) => l.includes(' gb.wang '))).toMatch(
      /^ {2}gb\.wang {2}\S{16} {3}王静怡 +\(挂职干部\)$/,
    );
  });

  it('exits non-zero when the database cannot be migrated', () => {
    const dir = dataDir();
    writeFileSync(
      path.join(dir, 'guazhi.sqlite'),
      'this is not a database file at all, not even close'.repeat(100),
    );
    const { code, stderr } = guazhi(['migrate'], { GUAZHI_DATA_DIR: dir });
    expect(code).toBe(1);
    expect(stderr).toContain('guazhi:');
  });

  it('backup, then restore into a new data dir with the keys brought apart; refused while serve runs', async () => {
    const dir = dataDir();
    expect(guazhi(['seed-demo'], { GUAZHI_DATA_DIR: dir }).code).toBe(0);
    const file = path.join(dataDir(), 'demo.sqlite');
    const backup = guazhi(['backup', file], { GUAZHI_DATA_DIR: dir });
    expect(backup.code).toBe(0);
    expect(backup.stdout).toContain(`已备份 / backup written: ${file}`);
    expect(backup.stdout).toMatch(/架构版本 \/ schema version: \d{14}_\w+/);
    const fresh = dataDir();
    cpSync(path.join(dir, 'secrets'), path.join(fresh, 'secrets'), { recursive: true });
    const restore = guazhi(['restore', file], { GUAZHI_DATA_DIR: fresh });
    expect(restore.code).toBe(0);
    expect(restore.stdout).toContain(
      `已恢复 / restored: ${file} → SQLite ${path.join(fresh, 'guazhi.sqlite')}`,
    );
    expect(restore.stdout).toContain('完整性检查 / integrity check: ok');
    const cadres = DEMO_REGISTRY.cadres.length + DEMO_COHORT.cadres.length;
    expect(restore.stdout).toMatch(new RegExp(` {4}cadres +${cadres}\n`));
    expect(guazhi(['audit', 'verify'], { GUAZHI_DATA_DIR: fresh }).code).toBe(0);
    const serve = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', 'serve'], {
      env: {
        PATH: process.env.PATH ?? '',
        GUAZHI_DATA_DIR: fresh,
        PORT: String(34000 + (process.pid % 1000)),
        LOG_LEVEL: 'silent',
        GUAZHI_DEMO: '0',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      await new Promise<void>((resolve) =>
        serve.stdout.on('data', (d: Buffer) => d.includes('guazhi is running') && resolve()),
      );
      const refused = guazhi(['restore', file], { GUAZHI_DATA_DIR: fresh });
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('正在使用中');
    } finally {
      serve.kill('SIGTERM');
    }
  }, 180_000);

  it('jobs run sends the daily reminders once a day (for cron); --force sends only what is unsent', () => {
    const dir = dataDir();
    expect(guazhi(['migrate'], { GUAZHI_DATA_DIR: dir }).code).toBe(0);
    const first = guazhi(['jobs', 'run'], { GUAZHI_DATA_DIR: dir });
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/到期提醒已发送 0 条 \/ reminders sent: 0 \(\d{4}-\d{2}-\d{2}\)/);
    const db = new Database(path.join(dir, 'guazhi.sqlite'));
    const day = db.prepare("select value from meta where key = 'reminders.sentOn'").get() as {
      value: string;
    };
    db.close();
    expect(first.stdout).toContain(day.value);
    const second = guazhi(['jobs', 'run'], { GUAZHI_DATA_DIR: dir });
    expect(second.stdout).toContain('今日到期提醒已由其他实例或先前的运行完成');
    expect(guazhi(['jobs', 'run', '--force'], { GUAZHI_DATA_DIR: dir }).stdout).toContain(
      '到期提醒已发送 0 条',
    );
    const usage = guazhi(['jobs'], { GUAZHI_DATA_DIR: dir });
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('guazhi jobs run [--force]');
  });

  it('rejects an unknown command', () => {
    const { code, stderr } = guazhi(['frobnicate']);
    expect(code).toBe(2);
    expect(stderr).toContain('未知命令 / unknown command: frobnicate');
  });
});
