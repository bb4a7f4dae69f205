import { z } from 'zod';
import { FILE_KINDS } from './files.js';

/** A stored file as an owner's answer lists it (work-log attachments, achievement evidence …). */
export const zAttachment = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(FILE_KINDS),
  size: z.number().int(),
  sha256: z.string(),
  createdAt: z.string(),
});
export type Attachment = z.output<typeof zAttachment>;
