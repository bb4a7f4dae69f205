import { formatBytes } from '../http/size.js';
import { t } from '../i18n/index.js';

/**
 * What a cadre's photo may be, shared by the server (body limit, checks, messages) and the web
 * (the file picker's check before upload). The server decodes every photo and stores it
 * re-encoded as a JPEG of at most PHOTO_MAX_SIDE pixels on its long side, without metadata.
 */
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export const PHOTO_MAX_BYTES = 2 * 1024 * 1024;
export const PHOTO_MAX_SIDE = 1024;
/** The limit as the messages state it ("2 MB"). */
export const PHOTO_LIMIT = formatBytes(PHOTO_MAX_BYTES);

/** "照片不能超过 2 MB" — the server's 413 and the web's check say the same. */
export const photoTooLarge = (): string => t('cadre.photoTooLarge', { limit: PHOTO_LIMIT });

/** Why a chosen file cannot be a photo (by its declared type and size), or null. */
export function photoProblem(file: { type: string; size: number }): string | null {
  if (!(PHOTO_TYPES as readonly string[]).includes(file.type)) return t('cadre.photoType');
  if (file.size > PHOTO_MAX_BYTES) return photoTooLarge();
  return null;
}
