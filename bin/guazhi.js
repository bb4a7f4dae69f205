#!/usr/bin/env node
// The `guazhi` command: runs the compiled server (npm run build writes dist/).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = new URL('../dist/server/main.js', import.meta.url);
if (!existsSync(fileURLToPath(cli))) {
  console.error('guazhi: 尚未构建，请先运行 npm run build / not built yet: run npm run build first');
  process.exit(1);
}
await import(cli.href);
