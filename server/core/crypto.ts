import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Personal data at rest: AES-256-GCM under a key derived from GUAZHI_DATA_KEY (which never
 * enters the database). Each value is bound to its column by the GCM associated data, so a
 * ciphertext copied into another column does not decrypt. A blind index (HMAC under a second
 * derived key) lets us find or deduplicate a value without storing it readable.
 *
 * Stored form: `v1.<iv>.<tag>.<ciphertext>` (base64url).
 */
export interface FieldCipher {
  encrypt(plain: string, column: string): string;
  decrypt(stored: string, column: string): string;
  blindIndex(plain: string, column: string): string;
}

/**
 * IVs for AES-GCM: 96 random bits each, cut from a pool filled 256 at a time (one call to the
 * system's random source instead of one per value: a 10 000-row import encrypts 20 000 values).
 * Every IV is used once; a refill replaces the pool, it never rewrites bytes handed out.
 */
const IV_BYTES = 12;
let ivPool = Buffer.alloc(0);
let ivAt = 0;
function nextIv(): Buffer {
  if (ivAt + IV_BYTES > ivPool.length) {
    ivPool = randomBytes(IV_BYTES * 256);
    ivAt = 0;
  }
  ivAt += IV_BYTES;
  return ivPool.subarray(ivAt - IV_BYTES, ivAt);
}

const derive = (key: Buffer, info: string) => Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), info, 32));

export function fieldCipher(dataKey: Buffer): FieldCipher {
  if (dataKey.length !== 32) throw new Error('data key must be 32 bytes');
  const encKey = derive(dataKey, 'guazhi/field-encryption/v1');
  const indexKey = derive(dataKey, 'guazhi/blind-index/v1');
  return {
    encrypt(plain, column) {
      const iv = nextIv();
      const cipher = createCipheriv('aes-256-gcm', encKey, iv);
      cipher.setAAD(Buffer.from(column));
      const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      const tag = cipher.getAuthTag();
      return ['v1', iv.toString('base64url'), tag.toString('base64url'), ct.toString('base64url')].join('.');
    },
    decrypt(stored, column) {
      const [version, iv, tag, ct] = stored.split('.');
      if (version !== 'v1' || !iv || !tag || ct === undefined) throw new Error('unknown ciphertext format');
      const decipher = createDecipheriv('aes-256-gcm', encKey, Buffer.from(iv, 'base64url'));
      decipher.setAAD(Buffer.from(column));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]).toString(
        'utf8',
      );
    },
    blindIndex(plain, column) {
      return createHmac('sha256', indexKey).update(column).update('\0').update(plain).digest('base64url');
    },
  };
}
