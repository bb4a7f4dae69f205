import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { Zip, ZipPassThrough } from 'fflate';

/**
 * One .zip written as its entries come (ADR 040): fflate's streaming `Zip`, each entry stored
 * (`ZipPassThrough`: a .docx is already deflated, so packing it again would only cost time), the
 * bytes going to the file as they are made — waiting while the file is behind — so memory holds
 * one entry at a time, whatever the number of entries.
 */

export interface ZipEntry {
  name: string;
  content: Uint8Array;
}

export interface WrittenZip {
  size: number;
  sha256: string;
}

/** Thrown when the signal aborts between two entries (the partial file is removed by the caller). */
export class ZipCancelledError extends Error {
  constructor() {
    super('zip cancelled');
  }
}

export async function writeZip(
  file: string,
  entries: AsyncIterable<ZipEntry>,
  o: { signal?: AbortSignal; mtime?: Date } = {},
): Promise<WrittenZip> {
  const out = createWriteStream(file, { mode: 0o600 });
  const hash = createHash('sha256');
  let size = 0;
  let failure: Error | null = null;
  let behind = false;
  const zip = new Zip((error, chunk, final) => {
    if (error) {
      failure = error;
      return;
    }
    hash.update(chunk);
    size += chunk.length;
    if (!out.write(chunk)) behind = true;
    if (final) out.end();
  });
  const closed = once(out, 'close');
  out.on('error', (error) => {
    failure = error;
  });
  try {
    for await (const entry of entries) {
      if (o.signal?.aborted) throw new ZipCancelledError();
      if (failure) throw failure;
      const part = new ZipPassThrough(entry.name);
      if (o.mtime) part.mtime = o.mtime;
      zip.add(part);
      part.push(entry.content, true);
      if (behind) {
        behind = false;
        await once(out, 'drain');
      }
    }
    if (o.signal?.aborted) throw new ZipCancelledError();
    zip.end();
    await closed;
    if (failure) throw failure;
    return { size, sha256: hash.digest('hex') };
  } catch (error) {
    zip.terminate();
    out.destroy();
    await closed.catch(() => undefined);
    throw error;
  }
}

/** Names made unique within one zip: a second `a.docx` becomes `a（2）.docx`. */
export function uniqueNames(): (name: string) => string {
  const seen = new Set<string>();
  return (name) => {
    const dot = name.lastIndexOf('.');
    let unique = name;
    for (let k = 2; seen.has(unique); k++)
      unique = dot > 0 ? `${name.slice(0, dot)}（${k}）${name.slice(dot)}` : `${name}（${k}）`;
    seen.add(unique);
    return unique;
  };
}
