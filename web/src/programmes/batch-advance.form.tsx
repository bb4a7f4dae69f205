import { ArrowRightOutlined, CheckOutlined } from '@ant-design/icons';
import { Flex, Form, Input, Tag, Typography } from 'antd';
import type { KeyboardEvent } from 'react';
import { t } from '../../../common/i18n/index';
import { type Batch, zBatchAdvance } from '../../../common/programmes/programmes.schema';
import { maxLengthOf, textLimits, zodRule } from '../common/form.utils';
import { FormActions, FormFailureAlert, FormModal } from '../common/record-form.component';
import { useRecordForm } from '../common/record-form.hooks';
import { fetchBatch, useAdvanceBatch } from './programmes.api';
import { nextStatus, STATUS_COLORS } from './programmes.utils';

interface AdvanceValues {
  reason: string;
}

const FIELDS = ['reason'] as const;
const toValues = (): AdvanceValues => ({ reason: '' });

export interface BatchAdvanceModalProps {
  /** The batch to move on, or null when closed. */
  batch: Batch | null;
  onClose: () => void;
}

/** 推进状态: shows the next status (a batch only moves forward) and asks for the reason. */
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

  const submit = async ({ reason }: AdvanceValues) => {
    if (!to) return;
    await attempt(async () => {
      await advance.mutateAsync({ batch: current, to, reason: reason.trim() });
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
        disabled={!to}
      />
    </Form>
  );
}
