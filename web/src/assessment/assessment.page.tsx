import {
  Alert,
  App,
  Button,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { Round } from '../../../common/assessment/assessment.schema';
import { ROUND_KINDS, ROUND_STATUSES } from '../../../common/assessment/assessment-moves';
import { t } from '../../../common/i18n/index';
import { useAllowed } from '../access/access.hooks';
import { errorMessage } from '../api/client';
import { BatchSelect } from '../common/batch-select.component';
import { ErrorState } from '../common/error-state.component';
import { PageHeader } from '../common/page-header.component';
import { useAssessmentWrite, useRounds } from './assessment.api';

export const roundStatusTag = (s: Round['status']) => (
  <Tag color={{ preparing: 'default', open: 'processing', grading: 'warning', published: 'success' }[s]}>
    {t(`roundStatus.${s}`)}
  </Tag>
);

/** 考核: the rounds the caller reaches (the 组织部 opens them); filters, paging, a create form. */
export function AssessmentPage() {
  const allowed = useAllowed();
  const navigate = useNavigate();
  const [page, setPage] = useState(1);
  const [status, setStatus] = useState<string | undefined>();
  const [kind, setKind] = useState<string | undefined>();
  const list = useRounds({ page, pageSize: 20, status, kind });
  const [creating, setCreating] = useState(false);

  const columns: TableColumnsType<Round> = [
    { key: 'title', dataIndex: 'title', title: t('assessment.ui.title') },
    {
      key: 'kind',
      dataIndex: 'kind',
      title: t('assessment.ui.kind'),
      render: (k: Round['kind']) => t(`roundKind.${k}`),
    },
    {
      key: 'batch',
      title: t('assessment.ui.batch'),
      render: (_: unknown, r) => `${r.programmeName} ${r.batchName}`,
    },
    {
      key: 'period',
      title: t('assessment.ui.period'),
      render: (_: unknown, r) => `${r.periodFrom} — ${r.periodTo}`,
    },
    { key: 'count', dataIndex: 'subjectCount', title: t('assessment.ui.subjects') },
    { key: 'status', dataIndex: 'status', title: t('assessment.ui.status'), render: roundStatusTag },
    {
      key: 'open',
      title: '',
      render: (_: unknown, r) => (
        <Button
          type="link"
          onClick={() => navigate(`/assessment/${r.id}`)}
          aria-label={`${t('assessment.ui.open')} ${r.title}`}
        >
          {t('assessment.ui.open')}
        </Button>
      ),
    },
  ];
  return (
    <>
      <PageHeader
        title={t('assessment.ui.rounds')}
        extra={
          <Space wrap>
            <Button onClick={() => navigate('/assessment/mine')}>{t('assessment.ui.mine')}</Button>
            {allowed('assessment.manage') ? (
              <Button type="primary" onClick={() => setCreating(true)}>
                {t('assessment.ui.new')}
              </Button>
            ) : null}
          </Space>
        }
      />
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          placeholder={t('assessment.ui.status')}
          style={{ width: 140 }}
          value={status}
          onChange={(v) => {
            setStatus(v);
            setPage(1);
          }}
          options={ROUND_STATUSES.map((s) => ({ value: s, label: t(`roundStatus.${s}`) }))}
        />
        <Select
          allowClear
          placeholder={t('assessment.ui.kind')}
          style={{ width: 140 }}
          value={kind}
          onChange={(v) => {
            setKind(v);
            setPage(1);
          }}
          options={ROUND_KINDS.map((k) => ({ value: k, label: t(`roundKind.${k}`) }))}
        />
      </Space>
      {list.isError ? <ErrorState error={list.error} onRetry={() => void list.refetch()} /> : null}
      <Table<Round>
        rowKey="id"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isPending}
        locale={{ emptyText: t('assessment.ui.noRounds') }}
        scroll={{ x: true }}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage }}
      />
      {/* only for those who open rounds: the batches are theirs to read (a cadre may not) */}
      {allowed('assessment.manage') ? (
        <CreateRoundModal
          open={creating}
          onClose={() => setCreating(false)}
          onCreated={(id) => navigate(`/assessment/${id}`)}
        />
      ) : null}
    </>
  );
}

function CreateRoundModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (id: string) => void;
}) {
  const [form] = Form.useForm();
  const write = useAssessmentWrite<{ id: string }>();
  const { message } = App.useApp();
  const submit = async () => {
    const v = await form.validateFields();
    try {
      const r = await write.mutateAsync({
        method: 'POST',
        path: '/api/assessment/rounds',
        body: {
          batchId: v.batchId,
          kind: v.kind,
          title: v.title,
          periodFrom: v.period[0].format('YYYY-MM-DD'),
          periodTo: v.period[1].format('YYYY-MM-DD'),
          weights: { receiving: v.receiving, democratic: v.democratic, sending: v.sending },
        },
      });
      message.success(t('assessment.ui.created'));
      onClose();
      onCreated(r.id);
    } catch (error) {
      message.error(errorMessage(error));
    }
  };
  return (
    <Modal
      open={open}
      title={t('assessment.ui.new')}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={write.isPending}
      okText={t('assessment.ui.create')}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          kind: 'annual',
          receiving: 50,
          democratic: 30,
          sending: 20,
          period: [dayjs('2026-01-01'), dayjs('2026-12-31')],
        }}
      >
        <Form.Item
          name="batchId"
          label={t('assessment.ui.batch')}
          rules={[{ required: true, message: t('assessment.ui.required') }]}
        >
          <BatchSelect allowClear={false} />
        </Form.Item>
        <Form.Item name="kind" label={t('assessment.ui.kind')}>
          <Select options={ROUND_KINDS.map((k) => ({ value: k, label: t(`roundKind.${k}`) }))} />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('assessment.ui.title')}
          rules={[{ required: true, min: 2, message: t('assessment.ui.required') }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="period"
          label={t('assessment.ui.period')}
          rules={[{ required: true, message: t('assessment.ui.required') }]}
        >
          <DatePicker.RangePicker />
        </Form.Item>
        <Typography.Text type="secondary">{t('assessment.ui.weightsHint')}</Typography.Text>
        <Space wrap>
          <Form.Item name="receiving" label={t('component.receiving')}>
            <InputNumber min={0} max={100} suffix="%" />
          </Form.Item>
          <Form.Item name="democratic" label={t('component.democratic')}>
            <InputNumber min={0} max={100} suffix="%" />
          </Form.Item>
          <Form.Item name="sending" label={t('component.sending')}>
            <InputNumber min={0} max={100} suffix="%" />
          </Form.Item>
        </Space>
        <Alert type="info" showIcon title={t('assessment.ui.scoreMapping')} />
      </Form>
    </Modal>
  );
}
