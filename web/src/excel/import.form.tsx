import { CheckOutlined, UploadOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Flex,
  Form,
  Modal,
  Progress,
  Radio,
  Table,
  type TableColumnsType,
  Typography,
  Upload,
} from 'antd';
import type { UploadFile } from 'antd/es/upload/interface';
import { useEffect, useState } from 'react';
import type {
  ImportCommit,
  ImportError,
  ImportKind,
  ImportMode,
  ImportPreview,
} from '../../../common/excel/excel.schema';
import { t } from '../../../common/i18n/index';
import { errorMessage } from '../api/client';
import { useConfirmAction } from '../common/confirm-action.hooks';
import { discardImport, useCommitImport, useUploadImport } from './excel.api';

const modeOptions: { value: ImportMode; label: string }[] = [
  { value: 'reject', label: t('excelImport.modeReject') },
  { value: 'update', label: t('excelImport.modeUpdate') },
];

const errorColumns: TableColumnsType<ImportError & { key: number }> = [
  { key: 'row', dataIndex: 'row', title: t('excelImport.col.row'), width: 72 },
  { key: 'column', dataIndex: 'column', title: t('excelImport.col.column'), width: 120 },
  { key: 'message', dataIndex: 'message', title: t('excelImport.col.message') },
];

/** What a running request is doing: sending the file, waiting for the check, or committing. */
type Stage =
  | { step: 'uploading'; percent: number }
  | { step: 'checking'; since: number }
  | { step: 'committing'; rows: number; since: number };

/** Whole seconds since `since`, ticking while it is set. */
function useElapsedSeconds(since: number | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (since === null) return;
    setNow(Date.now());
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [since]);
  return since === null ? 0 : Math.max(0, Math.floor((now - since) / 1000));
}

/** The progress bar with what is happening, for uploads and commits that take a while. */
function StageProgress({ stage }: { stage: Stage }) {
  const seconds = useElapsedSeconds(stage.step === 'uploading' ? null : stage.since);
  const text =
    stage.step === 'uploading'
      ? t('excelImport.stage.uploading', { percent: stage.percent })
      : stage.step === 'checking'
        ? t('excelImport.stage.checking', { seconds })
        : t('excelImport.stage.committing', { rows: stage.rows, seconds });
  return (
    <div data-testid="import-progress" aria-live="polite">
      <Typography.Text>{text}</Typography.Text>
      <Progress
        percent={stage.step === 'uploading' ? stage.percent : 100}
        status="active"
        showInfo={false}
        aria-label={text}
      />
    </div>
  );
}

export interface ImportModalProps {
  kind: ImportKind;
  open: boolean;
  onClose: () => void;
}

/**
 * 导入干部 / 导入单位 / 导入岗位需求: pick an .xlsx, upload it for checking (with progress), read
 * the problems, then commit (all rows or none).
 */
export function ImportModal({ kind, open, onClose }: ImportModalProps) {
  return open ? <ImportDialog kind={kind} onClose={onClose} /> : null;
}

function ImportDialog({ kind, onClose }: { kind: ImportKind; onClose: () => void }) {
  const upload = useUploadImport(kind);
  const commit = useCommitImport(kind);
  const confirmAction = useConfirmAction();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [mode, setMode] = useState<ImportMode>('reject');
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [done, setDone] = useState<ImportCommit | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [noFile, setNoFile] = useState(false);
  const [stage, setStage] = useState<Stage | null>(null);
  const busy = stage !== null;
  /** Uploaded, neither committed nor discarded: closing drops it on the server. */
  const pending = preview !== null && done === null;

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
    setStage({ step: 'uploading', percent: 0 });
    try {
      const answer = await upload.mutateAsync({
        file,
        mode,
        onProgress: (percent) =>
          setStage(percent < 100 ? { step: 'uploading', percent } : { step: 'checking', since: Date.now() }),
      });
      setPreview(answer);
    } catch (cause) {
      setError(errorMessage(cause));
    } finally {
      setStage(null);
    }
  };

  const confirm = async () => {
    if (!preview) return;
    setError(null);
    setStage({ step: 'committing', rows: preview.total, since: Date.now() });
    try {
      setDone(await commit.mutateAsync(preview.importId));
    } catch (cause) {
      setError(errorMessage(cause));
    } finally {
      setStage(null);
    }
  };

  /** 取消 and Esc: not while a request runs; a checked import is dropped only after asking. */
  const requestClose = () => {
    if (busy) return;
    if (!pending) {
      onClose();
      return;
    }
    confirmAction({
      title: t('excelImport.confirmDiscard'),
      hint: t('excelImport.confirmDiscardHint'),
      okText: t('excelImport.discard'),
      run: async () => {
        discardPending();
        onClose();
      },
    });
  };

  const hasProblems = preview !== null && preview.errorCount > 0;

  return (
    <Modal
      open
      title={t(`excelImport.title.${kind}`)}
      footer={null}
      closable={false}
      keyboard={!busy}
      onCancel={requestClose}
      mask={{ closable: false }}
      width={720}
    >
      {done ? (
        <Flex vertical gap={16}>
          <Alert
            type="success"
            showIcon
            title={
              t(`excelImport.done.${kind}`, { created: done.created, updated: done.updated }) +
              (done.unchanged ? t('excelImport.unchanged', { count: done.unchanged }) : '')
            }
          />
          <Flex justify="end">
            <Button type="primary" onClick={onClose}>
              {t('common.close')}
            </Button>
          </Flex>
        </Flex>
      ) : (
        <Flex vertical gap={16}>
          {error ? <Alert type="error" showIcon title={error} /> : null}
          <Form layout="vertical" component="div" disabled={busy}>
            <Form.Item
              label={t('excelImport.file')}
              extra={t('excelImport.fileHint')}
              validateStatus={noFile ? 'error' : undefined}
              help={noFile ? t('excelImport.noFile') : undefined}
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
                <Button icon={<UploadOutlined aria-hidden />}>{t('excelImport.file')}</Button>
              </Upload>
            </Form.Item>
            <Form.Item label={t(`excelImport.mode.${kind}`)}>
              <Radio.Group
                value={mode}
                onChange={(e) => setMode(e.target.value as ImportMode)}
                options={modeOptions}
                aria-label={t(`excelImport.mode.${kind}`)}
              />
            </Form.Item>
            <Button icon={<CheckOutlined aria-hidden />} loading={upload.isPending} onClick={check}>
              {t('excelImport.upload')}
            </Button>
          </Form>
          {stage ? <StageProgress stage={stage} /> : null}
          {preview ? (
            <Flex vertical gap={8}>
              <Typography.Text strong>
                {t('excelImport.summary', {
                  total: preview.total,
                  valid: preview.valid,
                  errors: preview.errorCount,
                })}
              </Typography.Text>
              {hasProblems ? (
                <>
                  <Alert type="warning" showIcon title={t('excelImport.fixFile')} />
                  {preview.errorsTruncated ? (
                    <Typography.Text type="secondary">
                      {t('excelImport.truncated', { count: preview.errors.length })}
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
                <Alert type="success" showIcon title={t('excelImport.ready')} />
              )}
            </Flex>
          ) : null}
          <Flex justify="end" gap={8}>
            <Button onClick={requestClose} disabled={busy}>
              {t('common.cancel')}
            </Button>
            <Button
              type="primary"
              icon={<CheckOutlined aria-hidden />}
              disabled={!preview || hasProblems || (busy && !commit.isPending)}
              loading={commit.isPending}
              onClick={confirm}
            >
              {t('excelImport.commit')}
            </Button>
          </Flex>
        </Flex>
      )}
    </Modal>
  );
}
