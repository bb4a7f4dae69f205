import { CheckOutlined, UploadOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Flex,
  Form,
  Modal,
  Radio,
  Table,
  type TableColumnsType,
  Typography,
  Upload,
} from 'antd';
import type { UploadFile } from 'antd/es/upload/interface';
import { useState } from 'react';
import type {
  ImportCommit,
  ImportError,
  ImportMode,
  ImportPreview,
} from '../../../common/excel/excel.schema';
import { t } from '../../../common/i18n/index';
import { errorMessage } from '../api/client';
import { discardImport, useCommitImport, useUploadCadreImport } from './cadres.api';

const modeOptions: { value: ImportMode; label: string }[] = [
  { value: 'reject', label: t('cadres.importModeReject') },
  { value: 'update', label: t('cadres.importModeUpdate') },
];

const errorColumns: TableColumnsType<ImportError & { key: number }> = [
  { key: 'row', dataIndex: 'row', title: t('cadres.importCol.row'), width: 72 },
  { key: 'column', dataIndex: 'column', title: t('cadres.importCol.column'), width: 120 },
  { key: 'message', dataIndex: 'message', title: t('cadres.importCol.message') },
];

export interface CadreImportModalProps {
  open: boolean;
  onClose: () => void;
}

/** 导入干部: pick an .xlsx, upload it for checking, read the problems, then commit (all or nothing). */
export function CadreImportModal({ open, onClose }: CadreImportModalProps) {
  return (
    <Modal
      open={open}
      title={t('cadres.importTitle')}
      footer={null}
      closable={false}
      destroyOnHidden
      mask={{ closable: false }}
      width={720}
    >
      {open ? <CadreImport onClose={onClose} /> : null}
    </Modal>
  );
}

function CadreImport({ onClose }: { onClose: () => void }) {
  const upload = useUploadCadreImport();
  const commit = useCommitImport();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [mode, setMode] = useState<ImportMode>('reject');
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [done, setDone] = useState<ImportCommit | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [noFile, setNoFile] = useState(false);

  /** The pending import (uploaded, neither committed nor discarded) is dropped on the server. */
  const discardPending = () => {
    if (preview && !done) void discardImport(preview.importId).catch(() => undefined);
  };

  const check = async () => {
    const file = files[0]?.originFileObj;
    if (!file) {
      setNoFile(true);
      return;
    }
    setError(null);
    discardPending();
    setPreview(null);
    setDone(null);
    try {
      setPreview(await upload.mutateAsync({ file, mode }));
    } catch (cause) {
      setError(errorMessage(cause));
    }
  };

  const confirm = async () => {
    if (!preview) return;
    setError(null);
    try {
      setDone(await commit.mutateAsync(preview.importId));
    } catch (cause) {
      setError(errorMessage(cause));
    }
  };

  const cancel = () => {
    discardPending();
    onClose();
  };

  if (done) {
    return (
      <Flex vertical gap={16}>
        <Alert
          type="success"
          showIcon
          title={t('cadres.importDone', { created: done.created, updated: done.updated })}
        />
        <Flex justify="end">
          <Button type="primary" onClick={onClose}>
            {t('common.close')}
          </Button>
        </Flex>
      </Flex>
    );
  }

  const hasProblems = preview !== null && preview.errorCount > 0;

  return (
    <Flex vertical gap={16}>
      {error ? <Alert type="error" showIcon title={error} /> : null}
      <Form layout="vertical" component="div">
        <Form.Item
          label={t('cadres.importFile')}
          extra={t('cadres.importFileHint')}
          validateStatus={noFile ? 'error' : undefined}
          help={noFile ? t('cadres.importNoFile') : undefined}
        >
          <Upload
            accept=".xlsx"
            maxCount={1}
            fileList={files}
            beforeUpload={() => false}
            onChange={({ fileList }) => {
              setFiles(fileList.slice(-1));
              setNoFile(false);
            }}
          >
            <Button icon={<UploadOutlined aria-hidden />}>{t('cadres.importFile')}</Button>
          </Upload>
        </Form.Item>
        <Form.Item label={t('cadres.importMode')}>
          <Radio.Group
            value={mode}
            onChange={(e) => setMode(e.target.value as ImportMode)}
            options={modeOptions}
            aria-label={t('cadres.importMode')}
          />
        </Form.Item>
        <Button icon={<CheckOutlined aria-hidden />} loading={upload.isPending} onClick={check}>
          {t('cadres.importUpload')}
        </Button>
      </Form>
      {preview ? (
        <Flex vertical gap={8}>
          <Typography.Text strong>
            {t('cadres.importSummary', {
              total: preview.total,
              valid: preview.valid,
              errors: preview.errorCount,
            })}
          </Typography.Text>
          {hasProblems ? (
            <>
              <Alert type="warning" showIcon title={t('cadres.importFixFile')} />
              {preview.errorsTruncated ? (
                <Typography.Text type="secondary">
                  {t('cadres.importTruncated', { count: preview.errors.length })}
                </Typography.Text>
              ) : null}
              <Table
                rowKey="key"
                size="small"
                columns={errorColumns}
                dataSource={preview.errors.map((e, key) => ({ ...e, key }))}
                pagination={preview.errors.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
              />
            </>
          ) : (
            <Alert type="success" showIcon title={t('cadres.importReady')} />
          )}
        </Flex>
      ) : null}
      <Flex justify="end" gap={8}>
        <Button onClick={cancel}>{t('common.cancel')}</Button>
        <Button
          type="primary"
          icon={<CheckOutlined aria-hidden />}
          disabled={!preview || hasProblems}
          loading={commit.isPending}
          onClick={confirm}
        >
          {t('cadres.importCommit')}
        </Button>
      </Flex>
    </Flex>
  );
}
