import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../core/errors.js';

/**
 * PostgreSQL's own client programs, pg_dump and pg_restore (ADR 017): found in PATH, else in
 * Debian's /usr/lib/postgresql/<version>/bin (the newest version), as scripts/pg-cluster.mjs
 * finds the server's. Missing → an error naming the Debian package to install.
 */
export function findPgTool(name: 'pg_dump' | 'pg_restore', env: NodeJS.ProcessEnv = process.env): string {
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (dir && existsSync(path.join(dir, name))) return path.join(dir, name);
  }
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root)
      .filter((v) => existsSync(path.join(root, v, 'bin', name)))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return path.join(root, versions[0], 'bin', name);
  }
  throw new AppError('UNAVAILABLE', { messageKey: 'backup.pgToolMissing', params: { tool: name } });
}

/**
 * The connection as the programs' own options: the URL without its password (a command line is
 * visible to every user of the machine), the password in PGPASSWORD.
 */
function connection(databaseUrl: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const url = new URL(databaseUrl);
  const password = decodeURIComponent(url.password);
  url.password = '';
  return { dbname: url.toString(), env: password ? { ...process.env, PGPASSWORD: password } : process.env };
}

function runTool(tool: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve();
      else
        reject(
          new AppError('INTERNAL', {
            messageKey: 'backup.pgToolFailed',
            params: { tool: path.basename(tool), code: String(code), detail: stderr.trim().slice(0, 2000) },
          }),
        );
    });
  });
}

/** `pg_dump --format=custom` of the database as one exported snapshot (`snapshot`), into `file`. */
export async function pgDump(databaseUrl: string, file: string, snapshot: string): Promise<void> {
  const { dbname, env } = connection(databaseUrl);
  await runTool(
    findPgTool('pg_dump'),
    [
      '--format=custom',
      `--snapshot=${snapshot}`,
      '--no-owner',
      '--no-privileges',
      `--file=${file}`,
      `--dbname=${dbname}`,
    ],
    env,
  );
}

/**
 * `pg_restore --clean` of a custom-format dump into the database, in one transaction: a failure
 * leaves the database as it was.
 */
export async function pgRestore(databaseUrl: string, file: string): Promise<void> {
  const { dbname, env } = connection(databaseUrl);
  await runTool(
    findPgTool('pg_restore'),
    [
      '--clean',
      '--if-exists',
      '--no-owner',
      '--no-privileges',
      '--single-transaction',
      '--exit-on-error',
      `--dbname=${dbname}`,
      file,
    ],
    env,
  );
}
