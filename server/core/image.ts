import sharp from 'sharp';

/**
 * Uploaded images are decoded and re-encoded, never stored as sent (ADR 021): what is kept is a
 * JPEG made from the decoded pixels, so a file that only starts like an image (a PNG header
 * followed by HTML) is refused, and nothing the sender put beside the pixels — EXIF with GPS,
 * ICC comments, trailing bytes, a polyglot script — survives. libvips (through sharp) decodes
 * on its own thread pool, off the event loop.
 */

/** Formats by their first bytes: only these reach the decoder (no SVG, TIFF, HEIF, GIF …). */
const SIGNATURES: [format: 'jpeg' | 'png' | 'webp', test: (b: Buffer) => boolean][] = [
  ['jpeg', (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff],
  ['png', (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))],
  [
    'webp',
    (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
  ],
];

/** A decompression bomb (a small file of huge dimensions) is refused before its pixels are made. */
const MAX_INPUT_PIXELS = 40_000_000;

// uploads are not read twice: libvips' operation cache would only hold memory
sharp.cache(false);

export type Reencoded =
  | { ok: true; content: Buffer; width: number; height: number }
  | { ok: false; reason: 'type' | 'unreadable' };

/**
 * Decodes a JPEG, PNG or WebP image (by its bytes, not its declared type) and re-encodes it as a
 * JPEG: turned upright by its EXIF orientation, scaled down to at most `maxSide` pixels on the
 * long side, transparency on white, no metadata. `type`: not one of the three formats;
 * `unreadable`: it claims to be one but does not decode whole.
 */
export async function reencodeAsJpeg(content: Buffer, maxSide: number): Promise<Reencoded> {
  const format = SIGNATURES.find(([, test]) => test(content))?.[0];
  if (!format) return { ok: false, reason: 'type' };
  try {
    const image = sharp(content, { failOn: 'error', limitInputPixels: MAX_INPUT_PIXELS });
    const meta = await image.metadata();
    if (meta.format !== format) return { ok: false, reason: 'unreadable' };
    const { data, info } = await image
      .rotate()
      .resize({ width: maxSide, height: maxSide, fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 85 })
      .toBuffer({ resolveWithObject: true });
    return { ok: true, content: data, width: info.width, height: info.height };
  } catch {
    return { ok: false, reason: 'unreadable' };
  }
}
