import type { FastifyReply } from 'fastify';
import { type ZodType, z } from 'zod';
import type { Action } from '../../common/access/policy.js';
import { FILE_LIMIT, FILE_MAX_BYTES } from '../../common/files/files.js';
import { zId, zIdParams } from '../../common/http/ids.schema.js';
import { actorOf } from '../core/access.js';
import type { Actor } from '../core/context.js';
import { AppError } from '../core/errors.js';
import { type AppInstance, routeErrors } from '../core/http.js';
import { fileTooLargeError, sendFile } from './files.service.js';
import type { FileRow } from './files.table.js';

/** Attachments arrive as raw bytes (the type is found in them); the name in `?name=`. */
export const UPLOAD_MIME = 'application/octet-stream';
const zFileParams = z.object({ id: zId, fileId: zId });
const zUploadQuery = z.object({ name: z.string().trim().min(1).max(255) });

/** What an owner of attachments (a work-log entry, an achievement …) does with them; the service checks scope. */
export interface AttachmentRoutes {
  /** The owner's path, e.g. `/api/achievements`: the routes are `<base>/:id/attachments[/:fileId]`. */
  base: string;
  tags: string[];
  read: Action;
  write: Action;
  /** What upload and removal answer (the owner's detail). */
  response: ZodType;
  /** Words for the API docs: the upload and the removal. */
  summaries: { upload: string; remove: string; download: string };
  attach(actor: Actor, id: string, name: string, content: Buffer): Promise<unknown>;
  detach(actor: Actor, id: string, fileId: string): Promise<unknown>;
  download(actor: Actor, id: string, fileId: string): Promise<{ file: FileRow; content: Buffer }>;
}

/**
 * The three routes of an owner's attachments — upload (raw bytes, ≤ FILE_MAX_BYTES, a 413 that
 * names the limit), removal and download — one way for every capability that keeps files.
 */
export function registerAttachmentRoutes(app: AppInstance, r: AttachmentRoutes): void {
  // one parser for the whole app, whichever capability registers first
  if (!app.hasContentTypeParser(UPLOAD_MIME)) {
    app.addContentTypeParser(
      UPLOAD_MIME,
      { parseAs: 'buffer', bodyLimit: FILE_MAX_BYTES },
      (_req, body, done) => done(null, body),
    );
  }
  const tags = r.tags;
  app.post(
    `${r.base}/:id/attachments`,
    {
      config: { action: r.write },
      bodyLimit: FILE_MAX_BYTES,
      errorHandler: routeErrors(fileTooLargeError),
      schema: {
        tags,
        summary: `${r.summaries.upload}（图片、PDF、Word，≤ ${FILE_LIMIT}；按内容判断类型）`,
        params: zIdParams,
        querystring: zUploadQuery,
        response: { 200: r.response },
      },
    },
    async (request) => {
      const body = request.body as unknown;
      if (!Buffer.isBuffer(body)) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
      const { id } = request.params as { id: string };
      return r.attach(actorOf(request), id, (request.query as { name: string }).name, body);
    },
  );
  app.delete(
    `${r.base}/:id/attachments/:fileId`,
    {
      config: { action: r.write },
      schema: { tags, summary: r.summaries.remove, params: zFileParams, response: { 200: r.response } },
    },
    async (request) => {
      const { id, fileId } = request.params as { id: string; fileId: string };
      return r.detach(actorOf(request), id, fileId);
    },
  );
  app.get(
    `${r.base}/:id/attachments/:fileId`,
    {
      config: { action: r.read },
      schema: { tags, summary: r.summaries.download, params: zFileParams },
    },
    async (request, reply: FastifyReply) => {
      const { id, fileId } = request.params as { id: string; fileId: string };
      const { file, content } = await r.download(actorOf(request), id, fileId);
      return sendFile(reply, file, content);
    },
  );
}
