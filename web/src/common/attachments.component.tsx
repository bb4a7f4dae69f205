import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Flex, Popconfirm, Typography, Upload } from 'antd';
import { useState } from 'react';
import { FILE_ACCEPT, fileProblem } from '../../../common/files/files';
import type { Attachment } from '../../../common/files/files.schema';
import { formatBytes } from '../../../common/http/size';
import { t } from '../../../common/i18n/index';
import { errorMessage } from '../api/client';

/**
 * An owner's files (a work-log entry's attachments, an achievement's evidence): download links
 * with their sizes; when `onRemove` is given, a remove button each, after a confirmation.
 */
export function AttachmentList({
  files,
  urlOf,
  onRemove,
}: {
  files: readonly Attachment[];
  /** Where a file downloads from (a plain link: GET with the session cookie). */
  urlOf: (fileId: string) => string;
  onRemove?: (fileId: string) => Promise<unknown>;
}) {
  const { message } = App.useApp();
  if (files.length === 0) return null;
  return (
    <Flex vertical gap={4}>
      {files.map((f) => (
        <Flex key={f.id} align="center" gap={8} wrap>
          <PaperClipOutlined />
          <Typography.Link href={urlOf(f.id)} download={f.name}>
            {f.name}
          </Typography.Link>
          <Typography.Text type="secondary">{formatBytes(f.size)}</Typography.Text>
          {onRemove ? (
            <Popconfirm
              title={t('files.removeConfirm', { name: f.name })}
              okText={t('files.removeOk')}
              cancelText={t('common.cancel')}
              onConfirm={() => onRemove(f.id).catch((e) => message.error(errorMessage(e)))}
            >
              <Button
                type="text"
                size="small"
                danger
                icon={<DeleteOutlined />}
                aria-label={`${t('files.remove')} ${f.name}`}
              />
            </Popconfirm>
          ) : null}
        </Flex>
      ))}
    </Flex>
  );
}

/**
 * A button that sends each chosen file at once (checked here first for size; the server finds
 * the type in the bytes and says so in Chinese when it refuses one).
 */
export function AttachmentUpload({
  label,
  onUpload,
}: {
  label: string;
  onUpload: (file: File) => Promise<unknown>;
}) {
  const { message } = App.useApp();
  const [sending, setSending] = useState(false);
  return (
    <Upload
      multiple
      accept={FILE_ACCEPT}
      showUploadList={false}
      beforeUpload={(file) => {
        const problem = fileProblem(file);
        if (problem) {
          message.error(`${file.name}：${problem}`);
          return Upload.LIST_IGNORE;
        }
        setSending(true);
        onUpload(file)
          .then(() => message.success(t('files.uploaded', { name: file.name })))
          .catch((e) => message.error(`${file.name}：${errorMessage(e)}`))
          .finally(() => setSending(false));
        return false;
      }}
    >
      <Button icon={<UploadOutlined />} loading={sending}>
        {label}
      </Button>
    </Upload>
  );
}
