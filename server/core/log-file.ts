import { createWriteStream, mkdirSync, readdirSync, rmSync, type WriteStream } from 'node:fs';
import path from 'node:path';

/**
 * Request logs as JSON lines in `<dir>/guazhi-YYYY-MM-DD.log` (UTC date), a new file each day;
 * on start and at each new file, files older than `retentionDays` are deleted (ADR 020). Files
 * are created 0600 (they name clients' addresses). pino writes one line per `write`.
 */
export interface LogFileOptions {
  dir: string;
  retentionDays: number;
  /** Milliseconds since the epoch (tests pass their own). */
  now?: () => number;
}

const DAY_MS = 86_400_000;
const NAME = /^guazhi-(\d{4}-\d{2}-\d{2})\.log$/;

export const logFileName = (day: string): string => `guazhi-${day}.log`;
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export interface LogFile {
  write(line: string): boolean;
  /** The file being written now. */
  current(): string;
  /** Flushes and closes the current file. */
  close(): Promise<void>;
}

export function openLogFile(options: LogFileOptions): LogFile {
  const now = options.now ?? Date.now;
  mkdirSync(options.dir, { recursive: true, mode: 0o700 });
  let day = '';
  let stream: WriteStream | null = null;
  let file = '';

  const prune = (today: number) => {
    const oldest = dayOf(today - options.retentionDays * DAY_MS);
    for (const name of readdirSync(options.dir)) {
      const match = NAME.exec(name);
      if (match && (match[1] as string) < oldest) rmSync(path.join(options.dir, name), { force: true });
    }
  };
  const open = (at: number) => {
    stream?.end();
    day = dayOf(at);
    file = path.join(options.dir, logFileName(day));
    stream = createWriteStream(file, { flags: 'a', mode: 0o600 });
    stream.on('error', (error) =>
      process.stderr.write(`guazhi: cannot write the log ${file}: ${error.message}\n`),
    );
    prune(at);
  };

  return {
    write(line) {
      const at = now();
      if (dayOf(at) !== day) open(at);
      return (stream as WriteStream).write(line);
    },
    current() {
      if (!stream) open(now());
      return file;
    },
    close: () =>
      new Promise<void>((resolve) => {
        if (!stream) return resolve();
        stream.end(() => resolve());
        stream = null;
        day = '';
      }),
  };
}
