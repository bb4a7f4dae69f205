// Checks the Debian packages the tests need; as root installs the missing ones,
// otherwise names them and fails. Nothing is ever skipped silently.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

export function postgresBinDir() {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(`${root}/${v}/bin/initdb`) && existsSync(`${root}/${v}/bin/pg_ctl`))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? `${root}/${versions[0]}/bin` : null;
}

function hasCjkFont() {
  const r = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' });
  return r.status === 0 && /Noto (Sans|Serif) CJK/i.test(r.stdout);
}

const REQUIREMENTS = [
  {
    pkg: 'chromium',
    why: 'browser tests (Playwright drives Debian Chromium)',
    ok: () => existsSync('/usr/bin/chromium'),
  },
  { pkg: 'fonts-noto-cjk', why: 'Chinese text in the browser', ok: hasCjkFont },
  { pkg: 'postgresql', why: 'API tests on PostgreSQL (initdb, pg_ctl)', ok: () => postgresBinDir() !== null },
  // documents (issue 14): rendering the generated .docx to PDF and reading it back (ADR 036)
  {
    pkg: 'libreoffice-writer-nogui',
    why: 'documents rendered to PDF (soffice)',
    ok: () => onPath('soffice'),
  },
  {
    pkg: 'poppler-utils',
    why: 'reading rendered PDFs (pdftotext, pdfinfo, pdftoppm)',
    ok: () => onPath('pdftotext'),
  },
  {
    pkg: 'fonts-arphic-gbsn00lp',
    why: '仿宋/宋体 stand-in for rendered documents',
    ok: () => hasFamily('AR PL SungtiL GB'),
  },
  {
    pkg: 'fonts-arphic-gkai00mp',
    why: '楷体 stand-in for rendered documents',
    ok: () => hasFamily('AR PL KaitiM GB'),
  },
];

function onPath(program) {
  return (process.env.PATH ?? '').split(':').some((dir) => dir && existsSync(`${dir}/${program}`));
}

function hasFamily(family) {
  const r = spawnSync('fc-list', [`:family=${family}`, 'family'], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim().length > 0;
}

export function ensureSystemDeps() {
  let missing = REQUIREMENTS.filter((r) => !r.ok());
  if (missing.length === 0) return;
  const names = missing.map((r) => r.pkg);
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    console.error('缺少系统软件包 / missing Debian packages:');
    for (const r of missing) console.error(`  ${r.pkg} — ${r.why}`);
    console.error(
      `以 root 运行 npm test 会自动安装，或手动执行 / run npm test as root to install them, or:\n  sudo apt-get install -y --no-install-recommends ${names.join(' ')}`,
    );
    process.exit(1);
  }
  console.log(`[test] installing Debian packages: ${names.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...names], {
    stdio: 'inherit',
    env,
  });
  missing = REQUIREMENTS.filter((r) => !r.ok());
  if (missing.length) {
    console.error(`安装后仍缺少 / still missing after install: ${missing.map((r) => r.pkg).join(' ')}`);
    process.exit(1);
  }
}
