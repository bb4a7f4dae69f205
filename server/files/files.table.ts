import type { Selectable } from 'kysely';

/** A stored file of some owning object (ADR 032): its name, type found in its bytes, size and hash. */
export interface FilesTable {
  id: string;
  /** The owning capability's kind ('worklog', …) and the owning row's id. */
  ownerKind: string;
  ownerId: string;
  name: string;
  /** The type found in the content (common/files/files.ts FILE_KINDS). */
  kind: string;
  mime: string;
  size: number;
  /** SHA-256 of the bytes, lowercase hex: where the blob store keeps them. */
  sha256: string;
  createdAt: string;
  createdBy: string | null;
}
export type FileRow = Selectable<FilesTable>;

/** The bytes by hash, when the database keeps them (PostgreSQL). */
export interface FileBlobsTable {
  sha256: string;
  content: Buffer;
  size: number;
  createdAt: string;
}

export interface FilesTables {
  files: FilesTable;
  fileBlobs: FileBlobsTable;
}
