import {
  App,
  Button,
  DatePicker,
  Descriptions,
  Drawer,
  Flex,
  Form,
  Grid,
  Input,
  Modal,
  Steps,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { formatTime } from '../../../common/format/date-time';
import { t } from '../../../common/i18n/index';
import type { LeaveDetail } from '../../../common/leave/leave.schema';
import { errorMessage } from '../api/client';
import { pendingState } from '../common/query-state.component';
import { StatusHistory } from '../common/status-history.component';
// documents (issue 14): the leave form
import { DocumentViewer } from '../documents/document-viewer.component';
import { type LeaveAction, useLeave, useLeaveAction } from './leave.api';
import { LeaveStatusTag, periodOf } from './leave-tags.component';

const STEP_STATUS = {
  waiting: 'wait',
  pending: 'process',
  approved: 'finish',
  rejected: 'error',
  cancelled: 'wait',
} as const;

/** 请假详情: the request, its chain as steps, its history, and the actions the caller may take. */
export function LeaveDetailDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const screens = Grid.useBreakpoint();
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      title={t('leave.detailTitle')}
      size={screens.md === false ? '100%' : 620}
      destroyOnHidden
      closable={{ 'aria-label': t('common.close') }}
    >
      {id ? <LeaveDetailBody id={id} /> : null}
    </Drawer>
  );
}

type Dialog = null | 'approve' | 'reject' | 'substitute' | 'return';

function LeaveDetailBody({ id }: { id: string }) {
  const leave = useLeave(id);
  const action = useLeaveAction();
  const { message, modal } = App.useApp();
  const [dialog, setDialog] = useState<Dialog>(null);
  // documents (issue 14)
  const [formOpen, setFormOpen] = useState(false);
  const pending = pendingState(leave, t('leave.loadFailed'));
  if (pending || !leave.data) return pending;
  const l = leave.data;

  const run = async (name: LeaveAction, body: object | undefined, label: string) => {
    try {
      await action.mutateAsync({ leave: l, action: name, ...(body ? { body } : {}) });
      message.success(t('leave.done', { action: label }));
      setDialog(null);
    } catch (error) {
      message.error(errorMessage(error));
    }
  };
  const can = (a: string) => l.actions.includes(a);

  return (
    <Flex vertical gap={20}>
      <Descriptions
        bordered
        size="small"
        column={1}
        styles={{ label: { width: 120 } }}
        items={[
          {
            key: 'cadre',
            label: t('leave.col.cadre'),
            children: (
              <Flex gap={8} align="center" wrap>
                <Typography.Text strong>{l.cadreName}</Typography.Text>
                <LeaveStatusTag leave={l} />
              </Flex>
            ),
          },
          {
            key: 'posting',
            label: t('field.postingId'),
            children: `${l.receivingUnitName} · ${l.postingTitle}`,
          },
          { key: 'kind', label: t('leave.col.kind'), children: t(`leaveKind.${l.kind}`) },
          { key: 'period', label: t('leave.period'), children: periodOf(l) },
          { key: 'days', label: t('leave.days'), children: l.days },
          { key: 'reason', label: t('field.reason'), children: l.reason },
          ...(l.returnedOn
            ? [{ key: 'returned', label: t('leave.returnDate'), children: l.returnedOn }]
            : []),
        ]}
      />
      <div>
        <Typography.Title level={5}>{t('leave.steps')}</Typography.Title>
        <Steps
          direction="vertical"
          size="small"
          items={l.steps.map((s) => ({
            title: `${t(`leaveApprover.${s.approver}`)} · ${t(`leaveStep.${s.decision}`)}`,
            status: STEP_STATUS[s.decision],
            description: (
              <Flex vertical>
                {s.comment ? <span>{s.comment}</span> : null}
                {s.decidedBy ? (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('leave.stepBy', { by: s.decidedBy, at: formatTime(s.decidedAt ?? '') })}
                  </Typography.Text>
                ) : null}
                {s.substitute && s.decision === 'pending' ? (
                  <Typography.Text type="secondary">
                    {t('leave.substituteNow', { name: s.substitute })}
                  </Typography.Text>
                ) : null}
              </Flex>
            ),
          }))}
        />
      </div>
      <StatusHistory title={t('leave.history')} history={l.history} label={(to) => t(`leaveStatus.${to}`)} />
      <Flex gap={8} wrap>
        {can('decide') ? (
          <>
            <Button type="primary" onClick={() => setDialog('approve')}>
              {t('leave.approve')}
            </Button>
            <Button danger onClick={() => setDialog('reject')}>
              {t('leave.reject')}
            </Button>
          </>
        ) : null}
        {can('substitute') ? (
          <Button onClick={() => setDialog('substitute')}>{t('leaveAction.substitute')}</Button>
        ) : null}
        {can('withdraw') ? (
          <Button
            onClick={() =>
              modal.confirm({
                title: t('leave.confirmWithdraw'),
                okText: t('leaveAction.withdraw'),
                cancelText: t('common.cancel'),
                onOk: () => run('withdraw', undefined, t('leaveAction.withdraw')),
              })
            }
          >
            {t('leaveAction.withdraw')}
          </Button>
        ) : null}
        {can('return') ? (
          <Button type="primary" onClick={() => setDialog('return')}>
            {t('leaveAction.return')}
          </Button>
        ) : null}
        {/* documents (issue 14): 请（销）假审批表, previewed and downloaded */}
        <Button onClick={() => setFormOpen(true)}>{t('documents.viewer.leaveForm')}</Button>
        {can('confirmReturn') ? (
          <Button
            type="primary"
            onClick={() => run('confirm-return', undefined, t('leaveAction.confirmReturn'))}
          >
            {t('leaveAction.confirmReturn')}
          </Button>
        ) : null}
      </Flex>
      <Modal
        open={formOpen}
        title={t('documents.viewer.leaveForm')}
        footer={null}
        width={720}
        onCancel={() => setFormOpen(false)}
        destroyOnHidden
      >
        <DocumentViewer path={`/api/documents/leave-form/${encodeURIComponent(l.id)}`} />
      </Modal>
      <ActionModal
        dialog={dialog}
        leave={l}
        saving={action.isPending}
        onClose={() => setDialog(null)}
        run={run}
      />
    </Flex>
  );
}

function ActionModal({
  dialog,
  leave,
  saving,
  onClose,
  run,
}: {
  dialog: Dialog;
  leave: LeaveDetail;
  saving: boolean;
  onClose: () => void;
  run: (name: LeaveAction, body: object, label: string) => Promise<void>;
}) {
  const [form] = Form.useForm<{ comment?: string; username?: string; date?: Dayjs }>();
  const title =
    dialog === 'approve' || dialog === 'reject'
      ? `${t(dialog === 'approve' ? 'leave.approve' : 'leave.reject')} · ${t('leave.decideTitle', { cadre: leave.cadreName })}`
      : dialog === 'substitute'
        ? t('leave.substituteTitle')
        : t('leave.returnTitle');
  const submit = (v: { comment?: string; username?: string; date?: Dayjs }) => {
    if (dialog === 'approve' || dialog === 'reject')
      return run(
        'decide',
        { decision: dialog, comment: v.comment?.trim() || null },
        t(dialog === 'approve' ? 'leave.approve' : 'leave.reject'),
      );
    if (dialog === 'substitute')
      return run('substitute', { username: v.username?.trim() || null }, t('leaveAction.substitute'));
    return run('return', { date: (v.date ?? dayjs()).format('YYYY-MM-DD') }, t('leaveAction.return'));
  };
  return (
    <Modal
      open={dialog !== null}
      title={title}
      onCancel={onClose}
      okText={t('leave.ok')}
      cancelText={t('common.cancel')}
      okButtonProps={{ htmlType: 'submit', form: 'leave-action', danger: dialog === 'reject' }}
      confirmLoading={saving}
      destroyOnHidden
    >
      <Form
        form={form}
        id="leave-action"
        layout="vertical"
        onFinish={submit}
        initialValues={{ date: dayjs() }}
      >
        {dialog === 'approve' || dialog === 'reject' ? (
          <Form.Item
            name="comment"
            label={t('field.comment')}
            rules={dialog === 'reject' ? [{ required: true, message: t('leave.rejectNeedsComment') }] : []}
          >
            <Input.TextArea maxLength={500} showCount autoSize={{ minRows: 2, maxRows: 5 }} />
          </Form.Item>
        ) : null}
        {dialog === 'substitute' ? (
          <Form.Item name="username" label={t('leave.substituteUsername')} extra={t('leave.substituteHint')}>
            <Input maxLength={64} />
          </Form.Item>
        ) : null}
        {dialog === 'return' ? (
          <Form.Item
            name="date"
            label={t('leave.returnDate')}
            rules={[{ required: true, message: t('leave.returnDate') }]}
          >
            <DatePicker style={{ width: '100%' }} format="YYYY-MM-DD" />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
