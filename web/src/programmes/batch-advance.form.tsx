import { ArrowRightOutlined, CheckOutlined } from '@ant-design/icons';
import { Alert, Checkbox, Flex, Form, Input, Skeleton, Tag, Typography } from 'antd';
import type { KeyboardEvent } from 'react';
import { t } from '../../../common/i18n/index';
import { type Batch, type BatchCheck, zBatchAdvance } from '../../../common/programmes/programmes.schema';
import { maxLengthOf, textLimits, zodRule } from '../common/form.utils';
import { FormActions, FormFailureAlert, FormModal } from '../common/record-form.component';
import { useRecordForm } from '../common/record-form.hooks';
import { fetchBatch, useAdvanceBatch, useBatchReadiness } from './programmes.api';
import { nextStatus, STATUS_COLORS } from './programmes.utils';

interface AdvanceValues {
  reason: string;
  acknowledgeWarnings: boolean;
}

const FIELDS = ['reason', 'acknowledgeWarnings'] as const;
const toValues = (): AdvanceValues => ({ reason: '', acknowledgeWarnings: false });

export interface BatchAdvanceModalProps {
  /** The batch to move on, or null when closed. */
  batch: Batch | null;
  onClose: () => void;
}

/**
 * 推进状态: shows the next status (a batch only moves forward), what still stops it (推荐待审核 …)
 * and what needs acknowledging (a start months away), and asks for the reason.
 */
export function BatchAdvanceModal({ batch, onClose }: BatchAdvanceModalProps) {
  return (
    <FormModal
      open={batch !== null}
      title={batch ? t('batches.advanceTitle', { name: batch.name }) : null}
      onClose={onClose}
      width={520}
    >
      {batch ? <AdvanceForm key={batch.id} batch={batch} onClose={onClose} /> : null}
    </FormModal>
  );
}

function AdvanceForm({ batch, onClose }: { batch: Batch; onClose: () => void }) {
  const [form] = Form.useForm<AdvanceValues>();
  const advance = useAdvanceBatch();
  const { record, attempt, failureProps, formProps } = useRecordForm({
    form,
    fields: FIELDS,
    initial: batch,
    fetchFresh: (b) => fetchBatch(b.id),
    toValues,
    onDone: onClose,
  });
  const current = record ?? batch;
  const to = nextStatus(current.status);
  const readiness = useBatchReadiness(current.id);
  const blocking = readiness.data?.blocking ?? [];
  const warnings = readiness.data?.warnings ?? [];
  const acknowledged = Form.useWatch('acknowledgeWarnings', form) ?? false;

  const submit = async ({ reason, acknowledgeWarnings }: AdvanceValues) => {
    if (!to) return;
    await attempt(async () => {
      await advance.mutateAsync({ batch: current, to, reason: reason.trim(), acknowledgeWarnings });
      return t('batches.advanced', { name: current.name, status: t(`batchStatus.${to}`) });
    });
  };

  // Enter sends, Shift+Enter starts a new line; never while an input method is composing
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      form.submit();
    }
  };

  return (
    <Form<AdvanceValues> {...formProps} onFinish={submit}>
      <FormFailureAlert {...failureProps} />
      <Flex align="center" gap={8} style={{ marginBottom: 16 }} data-testid="advance-step">
        <Typography.Text type="secondary">{t('batches.currentStatus')}</Typography.Text>
        <Tag color={STATUS_COLORS[current.status]}>{t(`batchStatus.${current.status}`)}</Tag>
        <ArrowRightOutlined aria-label={t('batches.to')} />
        {to ? (
          <Tag color={STATUS_COLORS[to]}>{t(`batchStatus.${to}`)}</Tag>
        ) : (
          <Typography.Text type="secondary">{t('batches.noNextStatus')}</Typography.Text>
        )}
      </Flex>
      {readiness.isPending ? (
        <Skeleton active paragraph={{ rows: 1 }} title={false} />
      ) : readiness.isError ? (
        <Alert type="error" showIcon title={t('batches.readinessFailed')} style={{ marginBottom: 16 }} />
      ) : null}
      <CheckList
        type="error"
        title={t('batches.blockingTitle')}
        checks={blocking}
        testId="advance-blocking"
      />
      <CheckList
        type="warning"
        title={t('batches.warningsTitle')}
        checks={warnings}
        testId="advance-warnings"
      />
      <Form.Item name="acknowledgeWarnings" valuePropName="checked" hidden={warnings.length === 0}>
        <Checkbox>{t('batches.field.acknowledgeWarnings')}</Checkbox>
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('batches.field.reason')}
        extra={t('batches.field.reasonHint')}
        rules={[
          { required: true, whitespace: true, message: t('batches.field.reasonRequired') },
          zodRule(
            zBatchAdvance.shape.reason,
            t('batches.field.reasonLength', textLimits(zBatchAdvance.shape.reason)),
          ),
        ]}
      >
        <Input.TextArea
          autoFocus
          autoSize={{ minRows: 3, maxRows: 8 }}
          maxLength={maxLengthOf(zBatchAdvance.shape.reason)}
          onKeyDown={onKeyDown}
        />
      </Form.Item>
      <FormActions
        onCancel={onClose}
        saving={advance.isPending}
        okText={t('batches.advanceOk')}
        okIcon={<CheckOutlined aria-hidden />}
        disabled={!to || readiness.isPending || blocking.length > 0 || (warnings.length > 0 && !acknowledged)}
      />
    </Form>
  );
}

/** The move's checks of one kind as a list in an alert; nothing when there are none. */
function CheckList(props: {
  type: 'error' | 'warning';
  title: string;
  checks: BatchCheck[];
  testId: string;
}) {
  if (props.checks.length === 0) return null;
  return (
    <Alert
      type={props.type}
      showIcon
      style={{ marginBottom: 16 }}
      title={props.title}
      description={
        <ul data-testid={props.testId} style={{ margin: 0, paddingInlineStart: 20 }}>
          {props.checks.map((c) => (
            <li key={c.code}>{c.message}</li>
          ))}
        </ul>
      }
    />
  );
}
