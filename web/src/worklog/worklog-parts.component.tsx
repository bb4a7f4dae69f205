import { DeleteOutlined, PaperClipOutlined } from '@ant-design/icons';
import { App, Button, Flex, Popconfirm, Tag, Typography } from 'antd';
import { formatBytes } from '../../../common/http/size';
import { t } from '../../../common/i18n/index';
import type { Attachment, Snippet, WorklogCategory } from '../../../common/worklog/worklog.schema';
import { errorMessage } from '../api/client';
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
  const { message } = App.useApp();
  const remove = useRemoveAttachment();
  if (files.length === 0) return null;
  return (
    <Flex vertical gap={4}>
      {files.map((f) => (
        <Flex key={f.id} align="center" gap={8} wrap>
          <PaperClipOutlined />
          <Typography.Link href={attachmentUrl(entryId, f.id)} download={f.name}>
            {f.name}
          </Typography.Link>
          <Typography.Text type="secondary">{formatBytes(f.size)}</Typography.Text>
          {removable ? (
            <Popconfirm
              title={t('worklog.removeAttachmentConfirm', { name: f.name })}
              okText={t('worklog.delete')}
              cancelText={t('common.cancel')}
              onConfirm={() =>
                remove.mutateAsync({ id: entryId, fileId: f.id }).catch((e) => message.error(errorMessage(e)))
              }
            >
              <Button
                type="text"
                size="small"
                danger
                icon={<DeleteOutlined />}
                aria-label={`${t('worklog.removeAttachment')} ${f.name}`}
              />
            </Popconfirm>
          ) : null}
        </Flex>
      ))}
    </Flex>
  );
}
