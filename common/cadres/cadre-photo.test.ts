import { describe, expect, it } from 'vitest';
import { formatBytes } from '../http/size.js';
import { t } from '../i18n/index.js';
import { PHOTO_LIMIT, PHOTO_MAX_BYTES, photoProblem } from './cadre-photo.js';

describe('upload limits as people read them', () => {
  it('formats a limit from its byte count', () => {
    expect(formatBytes(1024 * 1024)).toBe('1 MB');
    expect(formatBytes(1.5 * 1024 * 1024)).toBe('1.5 MB');
    expect(formatBytes(10 * 1024 * 1024)).toBe('10 MB');
    expect(formatBytes(512 * 1024)).toBe('512 KB');
  });

  it('the web check of a chosen photo states the limit the server enforces', () => {
    expect(PHOTO_LIMIT).toBe(formatBytes(PHOTO_MAX_BYTES));
    expect(photoProblem({ type: 'image/png', size: PHOTO_MAX_BYTES })).toBeNull();
    expect(photoProblem({ type: 'image/png', size: PHOTO_MAX_BYTES + 1 })).toBe('照片不能超过 2 MB');
    expect(photoProblem({ type: 'image/gif', size: 10 })).toBe('照片须为 JPEG、PNG 或 WebP 图片');
    expect(t('cadrePhoto.hint', { limit: PHOTO_LIMIT })).toBe('JPEG、PNG 或 WebP，不超过 2 MB');
  });
});
