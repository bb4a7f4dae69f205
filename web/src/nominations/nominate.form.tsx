import { SendOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Form, Input, Modal, Spin, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { t } from '../../../common/i18n/index';
import {
  JUSTIFICATION_MIN,
  type Nomination,
  zNominationInput,
} from '../../../common/nominations/nominations.schema';
import { errorMessage } from '../api/client';
import { useBatchSearch } from '../api/options.hooks';
import { BatchSelect } from '../common/batch-select.component';
import { maxLengthOf } from '../common/form.utils';
import { FormFailureAlert } from '../common/record-form.component';
import { useFormFailure } from '../common/record-form.hooks';
import { CadreSelect } from './cadre-select.component';
import { EligibilityReasons } from './eligibility.component';
import { useEligibilityCheck, useNominate, useNominatedInBatch } from './nominations.api';

interface NominateValues {
  batchId?: string;
  cadreId?: string;
  justification?: string;
}
const FIELDS = ['batchId', 'cadreId', 'justification'] as const;

export interface NominateModalProps {
  open: boolean;
  onClose: () => void;
}

/**
 * 推荐干部: a batch open for nominations, a cadre of the unit, the eligibility check at once,
 * a justification when the cadre falls outside the rules. The dialog stays open after each
 * nomination (listing those made) so several cadres are nominated one after another.
 */
export function NominateModal({ open, onClose }: NominateModalProps) {
  return (
    <Modal
      open={open}
      title={t('nominations.nominateTitle')}
      footer={null}
      onCancel={onClose}
      destroyOnHidden
      width={640}
    >
      {open ? <NominateForm onClose={onClose} /> : null}
    </Modal>
  );
}

function NominateForm({ onClose }: { onClose: () => void }) {
  const [form] = Form.useForm<NominateValues>();
  const { message } = App.useApp();
  // the picker's first page of open batches (one request with it), to choose the only one
  const openBatches = useBatchSearch('', true).data ?? [];
  const batchId = Form.useWatch('batchId', form);
  const cadreId = Form.useWatch('cadreId', form);
  const check = useEligibilityCheck(batchId, cadreId);
  const nominated = useNominatedInBatch(batchId);
  const ineligible = check.data?.eligible === false;
  const nominate = useNominate();
  /** The nominations made since the dialog opened, newest first. */
  const [made, setMade] = useState<Nomination[]>([]);
  const { failure, fail, clear } = useFormFailure(form, FIELDS);

  // the only open batch is chosen for the user
  const onlyBatch = openBatches.length === 1 ? openBatches[0]?.id : undefined;
  useEffect(() => {
    if (onlyBatch && !form.getFieldValue('batchId')) form.setFieldsValue({ batchId: onlyBatch });
  }, [onlyBatch, form]);

  const submit = async (values: NominateValues) => {
    clear();
    try {
      const saved = await nominate.mutateAsync({
        batchId: values.batchId ?? '',
        cadreId: values.cadreId ?? '',
        justification: values.justification?.trim() || null,
      });
      setMade((before) => [saved, ...before]);
      message.success(t('nominations.submitted', { name: saved.cadreName }));
      // the batch stays for the next cadre
      form.resetFields(['cadreId', 'justification']);
    } catch (error) {
      fail(error);
    }
  };

  return (
    <Form<NominateValues>
      form={form}
      layout="vertical"
      onFinish={submit}
      onFinishFailed={() => message.warning(t('common.formHasErrors'))}
      onValuesChange={(changed: NominateValues) => {
        // a new batch or cadre has its own check: an earlier message on the reason no longer applies
        if ('batchId' in changed || 'cadreId' in changed)
          form.setFields([{ name: 'justification', errors: [] }]);
      }}
      requiredMark
    >
      {made.length ? (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('nominations.sessionTitle', { count: made.length })}
          description={
            <Flex wrap gap={4}>
              {made.map((n) => (
                <Tag key={n.id} color={n.eligible ? 'success' : 'warning'} style={{ marginInlineEnd: 0 }}>
                  {t('nominations.madeItem', {
                    name: n.cadreName,
                    eligibility: t(n.eligible ? 'nominations.eligible' : 'nominations.ineligible'),
                  })}
                </Tag>
              ))}
            </Flex>
          }
        />
      ) : null}
      <FormFailureAlert failure={failure} />
      <Form.Item
        name="batchId"
        label={t('nominations.field.batch')}
        extra={t('nominations.field.batchHint')}
        rules={[{ required: true, message: t('nominations.field.batchRequired') }]}
      >
        <BatchSelect openOnly allowClear={false} emptyText={t('nominations.noOpenBatch')} />
      </Form.Item>
      <Form.Item
        name="cadreId"
        label={t('nominations.field.cadre')}
        rules={[{ required: true, message: t('nominations.field.cadreRequired') }]}
      >
        <CadreSelect nominated={nominated} />
      </Form.Item>
      {batchId && cadreId ? <CheckResult check={check} /> : null}
      <Form.Item
        name="justification"
        label={t('nominations.field.justification')}
        extra={ineligible ? undefined : t('nominations.justificationOptional')}
        required={ineligible}
        rules={[
          {
            validator: async (_rule, value: string | undefined) => {
              const length = value?.trim().length ?? 0;
              if (!ineligible) return;
              if (length === 0)
                throw new Error(t('nominations.field.justificationRequired', { min: JUSTIFICATION_MIN }));
              if (length < JUSTIFICATION_MIN)
                throw new Error(t('nominations.field.justificationShort', { min: JUSTIFICATION_MIN }));
            },
          },
        ]}
      >
        <Input.TextArea
          rows={3}
          maxLength={maxLengthOf(zNominationInput.shape.justification)}
          showCount
          placeholder={t('nominations.justificationPlaceholder')}
        />
      </Form.Item>
      <Flex justify="flex-end" gap={8}>
        <Button onClick={onClose}>{made.length ? t('nominations.done') : t('common.cancel')}</Button>
        <Button
          type="primary"
          htmlType="submit"
          icon={<SendOutlined aria-hidden />}
          loading={nominate.isPending}
          disabled={check.isFetching}
        >
          {t('nominations.submit')}
        </Button>
      </Flex>
    </Form>
  );
}

function CheckResult({ check }: { check: ReturnType<typeof useEligibilityCheck> }) {
  if (check.isPending || check.isFetching)
    return (
      <Flex gap={8} align="center" style={{ marginBottom: 16 }}>
        <Spin size="small" />
        {t('nominations.checking')}
      </Flex>
    );
  if (check.isError)
    return (
      <Alert
        type="error"
        showIcon
        style={{ marginBottom: 16 }}
        title={t('nominations.checkFailed')}
        description={errorMessage(check.error)}
      />
    );
  const { eligible, reasons } = check.data;
  return (
    <Alert
      type={eligible ? 'success' : 'error'}
      showIcon
      style={{ marginBottom: 16 }}
      role="status"
      title={t(eligible ? 'nominations.checkEligible' : 'nominations.checkIneligible')}
      description={reasons.length ? <EligibilityReasons reasons={reasons} /> : undefined}
    />
  );
}
