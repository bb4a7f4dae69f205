import { Tag } from 'antd';
import { t } from '../../../common/i18n/index';
import type { Attachment, Snippet, WorklogCategory } from '../../../common/worklog/worklog.schema';
import { AttachmentList } from '../common/attachments.component';
import { attachmentUrl, useRemoveAttachment } from './worklog.api';

/** Matched pieces in <mark>, everything else as text: the server sends pieces, never HTML. */
export function Marked({ pieces }: { pieces: Snippet }) {
  return (
    <>
      {pieces.map((p, i) =>
        p.match ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the pieces never reorder
          <mark key={i}>{p.text}</mark>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: the pieces never reorder
          <span key={i}>{p.text}</span>
        ),
      )}
    </>
  );
}

export const CategoryTag = ({ category }: { category: WorklogCategory }) => (
  <Tag color="blue">{t(`worklogCategory.${category}`)}</Tag>
);

/** Download links of an entry's files; the cadre's own entry offers removal (confirmed). */
export function Attachments({
  entryId,
  files,
  removable = false,
}: {
  entryId: string;
  files: readonly Attachment[];
  removable?: boolean;
}) {
  const remove = useRemoveAttachment();
  return (
    <AttachmentList
      files={files}
      urlOf={(fileId) => attachmentUrl(entryId, fileId)}
      onRemove={removable ? (fileId) => remove.mutateAsync({ id: entryId, fileId }) : undefined}
    />
  );
}
