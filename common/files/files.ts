import { formatBytes } from '../http/size.js';
import { t } from '../i18n/index.js';

/**
 * What an attachment may be (ADR 032), shared by the server (body limit, checks, messages) and
 * the web (the picker's check before upload). The type is found in the bytes, never the name.
 */
export const FILE_KINDS = ['jpeg', 'png', 'webp', 'pdf', 'docx', 'doc'] as const;
export type FileKind = (typeof FILE_KINDS)[number];

export const FILE_MIME: Record<FileKind, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  doc: 'application/msword',
};

/** One attachment at most this large. */
export const FILE_MAX_BYTES = 10 * 1024 * 1024;
/** The limit as messages state it ("10 MB"). */
export const FILE_LIMIT = formatBytes(FILE_MAX_BYTES);
/** What the file picker offers (the server still checks the content). */
export const FILE_ACCEPT = '.jpg,.jpeg,.png,.webp,.pdf,.docx,.doc';

/** "附件不能超过 10 MB" — the server's 413 and the web's check say the same. */
export const fileTooLarge = (): string => t('files.tooLarge', { limit: FILE_LIMIT });

/** Why a chosen file cannot be attached (by its size; the type is the server's to find), or null. */
export function fileProblem(file: { size: number }): string | null {
  if (file.size === 0) return t('files.empty');
  if (file.size > FILE_MAX_BYTES) return fileTooLarge();
  return null;
}
