import {
  App,
  Button,
  Descriptions,
  Drawer,
  Flex,
  Grid,
  Input,
  List,
  Modal,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import type { AppraisalStatus } from '../../../common/appraisals/appraisal-moves';
import type { AppraisalDetail } from '../../../common/appraisals/appraisals.schema';
import { formatTime } from '../../../common/format/date-time';
import { t } from '../../../common/i18n/index';
import { errorMessage } from '../api/client';
import { pendingState } from '../common/query-state.component';
import { DocumentViewer } from '../documents/document-viewer.component';
import {
  type AppraisalMove,
  appraisalDocumentPath,
  useAppraisal,
  useAppraisalMove,
  useSaveAppraisal,
} from './appraisals.api';

const COLOURS: Record<AppraisalStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  countersigned: 'success',
  returned: 'warning',
};

export const AppraisalStatusTag = ({ status }: { status: AppraisalStatus }) => (
  <Tag color={COLOURS[status]}>{t(`appraisalStatus.${status}`)}</Tag>
);

/** 期满鉴定详情: both parties' texts, what the caller may do, the 鉴定表 and every version. */
export function AppraisalDetailDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const screens = Grid.useBreakpoint();
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      title={t('appraisals.detailHeading')}
      size={screens.md === false ? '100%' : 760}
      destroyOnHidden
      closable={{ 'aria-label': t('common.close') }}
    >
      {id ? <AppraisalDetailBody id={id} /> : null}
    </Drawer>
  );
}

const Shown = ({ text, testId }: { text: string | null; testId: string }) => (
  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid={testId}>
    {text || t('appraisals.noText')}
  </Typography.Paragraph>
);

/**
 * One party's text: the receiving unit's appraisal (`text`) or the cadre's term summary, edited
 * while the caller may (`editable`), with the draft from the records a confirmation away.
 */
function Editor({
  r,
  field,
  editable,
}: {
  r: AppraisalDetail;
  field: 'text' | 'summary';
  editable: boolean;
}) {
  const { message, modal } = App.useApp();
  const save = useSaveAppraisal();
  const move = useAppraisalMove();
  const stored = (field === 'text' ? r.text : r.summary) ?? '';
  const [value, setValue] = useState(stored || (field === 'text' ? r.draft : r.summaryDraft));
  const label = t(field === 'text' ? 'appraisals.field.text' : 'appraisals.field.summary');
  if (!editable) return <Shown text={stored || null} testId={`appraisal-${field}`} />;
  const dirty = value !== stored;
  const onSave = async () => {
    try {
      await save.mutateAsync({ id: r.id, field, value: value.trim() ? value : null, version: r.version });
      message.success(t('appraisals.saved'));
    } catch (error) {
      message.error(errorMessage(error));
    }
  };
  const onDraft = () =>
    modal.confirm({
      title: t('appraisals.useDraft'),
      content: t('appraisals.useDraftConfirm'),
      okText: t('appraisals.useDraft'),
      cancelText: t('common.cancel'),
      onOk: () => setValue(field === 'text' ? r.draft : r.summaryDraft),
    });
  const onSubmit = () => {
    if (dirty) {
      message.warning(t('appraisals.unsavedFirst'));
      return;
    }
    modal.confirm({
      title: t('appraisalAction.submit'),
      content: t('appraisals.submitConfirm'),
      okText: t('appraisalAction.submit'),
      cancelText: t('common.cancel'),
      onOk: () =>
        move
          .mutateAsync({ id: r.id, version: r.version, move: 'submit' })
          .then(() => message.success(t('appraisals.done')))
          .catch((error) => message.error(errorMessage(error))),
    });
  };
  return (
    <>
      {!stored ? (
        <Typography.Paragraph type="secondary">{t('appraisals.draftShown')}</Typography.Paragraph>
      ) : null}
      <Input.TextArea
        aria-label={label}
        value={value}
        onChange={(e) => setValue(e.target.value)}
        maxLength={8000}
        showCount
        autoSize={{ minRows: 6, maxRows: 18 }}
      />
      <Flex gap={8} style={{ marginTop: 12 }} wrap>
        <Button onClick={onDraft}>{t('appraisals.useDraft')}</Button>
        <Button
          type={field === 'summary' ? 'primary' : 'default'}
          onClick={onSave}
          loading={save.isPending}
          disabled={!dirty}
        >
          {t('appraisals.save')}
        </Button>
        {field === 'text' && r.actions.includes('submit') ? (
          <Button type="primary" onClick={onSubmit} loading={move.isPending}>
            {t('appraisalAction.submit')}
          </Button>
        ) : null}
      </Flex>
    </>
  );
}

/** 会签 (an optional opinion, confirmed) and 退回 (a comment required, said before anything is sent). */
function Review({ r }: { r: AppraisalDetail }) {
  const { message } = App.useApp();
  const move = useAppraisalMove();
  const [deciding, setDeciding] = useState<'countersign' | 'return' | null>(null);
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);
  if (!r.actions.includes('countersign') && !r.actions.includes('return')) return null;
  const run = async (name: AppraisalMove) => {
    if (name === 'return' && !comment.trim()) {
      setMissing(true);
      return;
    }
    try {
      await move.mutateAsync({ id: r.id, version: r.version, move: name, comment: comment.trim() || null });
      message.success(t('appraisals.done'));
      setDeciding(null);
      setComment('');
    } catch (error) {
      message.error(errorMessage(error));
    }
  };
  return (
    <Flex gap={8} wrap>
      {r.actions.includes('countersign') ? (
        <Button type="primary" onClick={() => setDeciding('countersign')}>
          {t('appraisalAction.countersign')}
        </Button>
      ) : null}
      {r.actions.includes('return') ? (
        <Button danger onClick={() => setDeciding('return')}>
          {t('appraisalAction.return')}
        </Button>
      ) : null}
      <Modal
        open={deciding !== null}
        title={t(deciding === 'return' ? 'appraisals.returnTitle' : 'appraisals.countersignTitle', {
          cadre: r.cadreName,
        })}
        okText={t(deciding === 'return' ? 'appraisalAction.return' : 'appraisalAction.countersign')}
        okButtonProps={{ danger: deciding === 'return' }}
        cancelText={t('common.cancel')}
        confirmLoading={move.isPending}
        onCancel={() => setDeciding(null)}
        onOk={() => (deciding ? run(deciding) : undefined)}
        destroyOnHidden
      >
        <Typography.Paragraph>
          {deciding === 'return' ? t('appraisals.returnHint') : t('appraisals.countersignConfirm')}
        </Typography.Paragraph>
        <Input.TextArea
          aria-label={t('appraisals.field.comment')}
          placeholder={deciding === 'return' ? undefined : t('appraisals.form.agreed')}
          value={comment}
          status={missing ? 'error' : undefined}
          onChange={(e) => {
            setComment(e.target.value);
            setMissing(false);
          }}
          maxLength={1000}
          autoSize={{ minRows: 2, maxRows: 6 }}
        />
        {missing ? (
          <Typography.Text type="danger">{t('appraisals.returnNeedsComment')}</Typography.Text>
        ) : null}
      </Modal>
    </Flex>
  );
}

function Versions({ r }: { r: AppraisalDetail }) {
  return (
    <List
      dataSource={r.versions}
      locale={{ emptyText: t('appraisals.noVersions') }}
      renderItem={(v) => (
        <List.Item style={{ display: 'block' }}>
          <Flex justify="space-between" wrap gap={4}>
            <Typography.Text strong>
              {t('appraisals.version', { seq: v.seq, status: t(`appraisalStatus.${v.status}`) })}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('appraisals.versionBy', { by: v.by ?? '', at: formatTime(v.at) })}
            </Typography.Text>
          </Flex>
          {v.comment ? (
            <Typography.Paragraph type="warning" style={{ margin: 0 }}>
              {t('appraisals.reviewComment', { comment: v.comment })}
            </Typography.Paragraph>
          ) : null}
          <Typography.Paragraph
            type="secondary"
            ellipsis={{ rows: 2, expandable: true }}
            style={{ margin: 0 }}
          >
            {t('appraisals.field.text')}：{v.text || t('appraisals.noText')}
          </Typography.Paragraph>
          <Typography.Paragraph
            type="secondary"
            ellipsis={{ rows: 2, expandable: true }}
            style={{ margin: 0 }}
          >
            {t('appraisals.field.summary')}：{v.summary || t('appraisals.noText')}
          </Typography.Paragraph>
        </List.Item>
      )}
    />
  );
}

function AppraisalDetailBody({ id }: { id: string }) {
  const appraisal = useAppraisal(id);
  const pending = pendingState(appraisal, t('appraisals.loadFailed'));
  if (pending || !appraisal.data) return pending;
  const r = appraisal.data;
  return (
    <Flex vertical gap={12}>
      <Descriptions
        bordered
        size="small"
        column={1}
        styles={{ label: { width: 110 } }}
        items={[
          {
            key: 'who',
            label: t('appraisals.col.cadre'),
            children: (
              <Flex gap={8} align="center" wrap>
                <Typography.Text strong>{r.cadreName}</Typography.Text>
                <AppraisalStatusTag status={r.status} />
              </Flex>
            ),
          },
          {
            key: 'post',
            label: t('appraisals.col.post'),
            children: `${r.receivingUnitName} · ${r.postingTitle}`,
          },
          { key: 'from', label: t('appraisals.col.sending'), children: r.sendingUnitName },
          {
            key: 'term',
            label: t('appraisals.col.term'),
            children: t('appraisals.term', { from: r.startDate ?? '', to: r.endDate }),
          },
          ...(r.reviewComment
            ? [
                {
                  key: 'comment',
                  label: t('appraisals.field.comment'),
                  children: <Typography.Text type="warning">{r.reviewComment}</Typography.Text>,
                },
              ]
            : []),
          ...(r.countersignedAt
            ? [
                {
                  key: 'signed',
                  label: t('appraisals.countersignedAt'),
                  children: `${formatTime(r.countersignedAt)}`,
                },
              ]
            : []),
        ]}
      />
      <Review r={r} />
      <Tabs
        destroyOnHidden
        items={[
          {
            key: 'text',
            label: t('appraisals.field.text'),
            children: (
              <Editor key={`t${r.version}`} r={r} field="text" editable={r.actions.includes('update')} />
            ),
          },
          {
            key: 'summary',
            label: t('appraisals.field.summary'),
            children: (
              <Editor key={`s${r.version}`} r={r} field="summary" editable={r.actions.includes('summary')} />
            ),
          },
          {
            key: 'preview',
            label: t('appraisals.tab.preview'),
            children: <DocumentViewer key={r.version} path={appraisalDocumentPath(r.id)} />,
          },
          { key: 'versions', label: t('appraisals.versions'), children: <Versions r={r} /> },
        ]}
      />
    </Flex>
  );
}
