import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Button,
  Checkbox,
  DatePicker,
  Divider,
  Flex,
  Form,
  type FormRule,
  Input,
  InputNumber,
  Select,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { EDUCATIONS, type Education } from '../../../common/cadres/cadre-enums';
import { t } from '../../../common/i18n/index';
import {
  type Batch,
  type BatchValues,
  DEFAULT_ELIGIBILITY,
  type Eligibility,
  zBatchInput,
  zEligibility,
  zQuota,
} from '../../../common/programmes/programmes.schema';
import { maxLengthOf, textLimits, zodRule } from '../common/form.utils';
import { FormActions, FormFailureAlert, FormModal } from '../common/record-form.component';
import { useRecordForm } from '../common/record-form.hooks';
import { RegionCascader } from '../regions/region-cascader.component';
import { fetchBatch, useSaveBatch } from './programmes.api';
import { AGE_BANDS } from './programmes.utils';

interface BatchFormValues {
  name: string;
  plannedStart?: Dayjs | null;
  plannedEnd?: Dayjs | null;
  termMonths?: number | null;
  quotas: { regionCode?: string | null; quota?: number | null }[];
  ageCaps: Eligibility['ageCaps'];
  minEducation?: Education;
  reserveFirst: boolean;
}

/**
 * Field names the server may name in its errors (`quotas.1.regionCode` lands on the quota list);
 * the eligibility rules are checked here first, anything else shows above the form.
 */
const FIELDS = ['name', 'plannedStart', 'plannedEnd', 'termMonths', 'quotas'] as const;
const DAY = 'YYYY-MM-DD';
const DEFAULT_TERM_MONTHS = 12;

const educationOptions = EDUCATIONS.map((e) => ({ value: e, label: t(`education.${e}`) }));

function toValues(batch: Batch | null): BatchFormValues {
  const eligibility = batch?.eligibility ?? DEFAULT_ELIGIBILITY;
  return {
    name: batch?.name ?? '',
    plannedStart: batch ? dayjs(batch.plannedStart) : null,
    plannedEnd: batch ? dayjs(batch.plannedEnd) : null,
    termMonths: batch?.termMonths ?? DEFAULT_TERM_MONTHS,
    quotas: batch?.quotas.map(({ regionCode, quota }) => ({ regionCode, quota })) ?? [],
    ageCaps: eligibility.ageCaps,
    minEducation: eligibility.minEducation ?? undefined,
    reserveFirst: eligibility.reserveFirst,
  };
}

function toInput(v: BatchFormValues): Omit<BatchValues, 'programmeId'> {
  return {
    name: v.name.trim(),
    plannedStart: v.plannedStart?.format(DAY) ?? '',
    plannedEnd: v.plannedEnd?.format(DAY) ?? '',
    termMonths: v.termMonths ?? 0,
    quotas: v.quotas.map((q) => ({ regionCode: q.regionCode ?? '', quota: q.quota ?? 0 })),
    eligibility: { ageCaps: v.ageCaps, minEducation: v.minEducation ?? null, reserveFirst: v.reserveFirst },
  };
}

/** The end after the start: the server's own rule, checked before sending. */
const endAfterStart: FormRule = ({ getFieldValue }) => ({
  validator: async (_rule, end: Dayjs | null | undefined) => {
    const start = getFieldValue('plannedStart') as Dayjs | null | undefined;
    if (start && end && !end.isAfter(start, 'day')) throw new Error(t('batch.endBeforeStart'));
  },
});

/** One quota per region: the server's own rule, checked before sending. */
const quotasOnce = {
  validator: async (_rule: unknown, quotas: BatchFormValues['quotas'] | undefined) => {
    const codes = (quotas ?? []).map((q) => q?.regionCode).filter(Boolean);
    if (new Set(codes).size !== codes.length) throw new Error(t('batch.quotaTwice'));
  },
};

export interface BatchFormModalProps {
  open: boolean;
  programmeId: string;
  /** The batch to edit; null to create one. */
  batch: Batch | null;
  onClose: () => void;
}

/** 新建批次 / 编辑批次: dates, term, quotas per receiving region and the eligibility rules. */
export function BatchFormModal({ open, programmeId, batch, onClose }: BatchFormModalProps) {
  return (
    <FormModal
      open={open}
      title={batch ? t('batches.editTitle') : t('batches.create')}
      onClose={onClose}
      width={720}
    >
      <BatchForm key={batch?.id ?? 'new'} programmeId={programmeId} batch={batch} onClose={onClose} />
    </FormModal>
  );
}

function BatchForm({ programmeId, batch, onClose }: Omit<BatchFormModalProps, 'open'>) {
  const [form] = Form.useForm<BatchFormValues>();
  const save = useSaveBatch();
  const { record, attempt, failureProps, formProps } = useRecordForm({
    form,
    fields: FIELDS,
    initial: batch,
    fetchFresh: (b) => fetchBatch(b.id),
    toValues,
    onDone: onClose,
  });

  const submit = (values: BatchFormValues) =>
    attempt(async () => {
      const input = toInput(values);
      const saved = await save.mutateAsync(
        record
          ? { id: record.id, input, version: record.version }
          : { id: null, input: { ...input, programmeId } },
      );
      return t(record ? 'batches.saved' : 'batches.created', { name: saved.name });
    });

  return (
    <Form<BatchFormValues> {...formProps} onFinish={submit}>
      <FormFailureAlert {...failureProps} />
      <Form.Item
        name="name"
        label={t('batches.field.name')}
        rules={[
          { required: true, whitespace: true, message: t('batches.field.nameRequired') },
          zodRule(zBatchInput.shape.name, t('batches.field.nameLength', textLimits(zBatchInput.shape.name))),
        ]}
      >
        <Input
          autoFocus
          maxLength={maxLengthOf(zBatchInput.shape.name)}
          autoComplete="off"
          placeholder={t('batches.field.namePlaceholder')}
        />
      </Form.Item>
      <Flex gap={16} wrap>
        <Form.Item
          name="plannedStart"
          label={t('field.plannedStart')}
          rules={[{ required: true, message: t('batches.field.startRequired') }]}
          style={{ flex: '1 1 180px' }}
        >
          <DatePicker style={{ width: '100%' }} format={DAY} />
        </Form.Item>
        <Form.Item
          name="plannedEnd"
          label={t('field.plannedEnd')}
          dependencies={['plannedStart']}
          rules={[{ required: true, message: t('batches.field.endRequired') }, endAfterStart]}
          style={{ flex: '1 1 180px' }}
        >
          <DatePicker style={{ width: '100%' }} format={DAY} />
        </Form.Item>
        <Form.Item
          name="termMonths"
          label={t('field.termMonths')}
          rules={[
            { required: true, message: t('batches.field.termRequired') },
            zodRule(zBatchInput.shape.termMonths, t('batches.field.termRange')),
          ]}
          style={{ flex: '1 1 140px' }}
        >
          <InputNumber style={{ width: '100%' }} min={1} max={60} precision={0} />
        </Form.Item>
      </Flex>

      <Divider titlePlacement="start" plain>
        {t('batches.field.quotas')}
      </Divider>
      <Form.List name="quotas" rules={[quotasOnce]}>
        {(rows, { add, remove }, { errors }) => (
          <>
            {rows.length === 0 ? (
              <Typography.Paragraph type="secondary">{t('batches.field.quotasNone')}</Typography.Paragraph>
            ) : null}
            {rows.map((row, i) => (
              <Flex key={row.key} gap={8} align="start" wrap={false}>
                <Form.Item
                  name={[row.name, 'regionCode']}
                  rules={[{ required: true, message: t('batches.field.quotaRegionRequired') }]}
                  style={{ flex: 1, minWidth: 0 }}
                >
                  <RegionCascader aria-label={t('batches.field.quotaRegion', { n: i + 1 })} />
                </Form.Item>
                <Form.Item
                  name={[row.name, 'quota']}
                  rules={[
                    { required: true, message: t('batches.field.quotaRequired') },
                    zodRule(zQuota.shape.quota, t('batches.field.quotaRange')),
                  ]}
                  style={{ width: 132 }}
                >
                  <InputNumber
                    style={{ width: '100%' }}
                    min={1}
                    max={10000}
                    precision={0}
                    aria-label={t('batches.field.quotaCount', { n: i + 1 })}
                    suffix={t('batches.people')}
                  />
                </Form.Item>
                <Button
                  type="text"
                  icon={<MinusCircleOutlined aria-hidden />}
                  onClick={() => remove(row.name)}
                  aria-label={t('batches.removeQuota', { n: i + 1 })}
                />
              </Flex>
            ))}
            <Form.ErrorList errors={errors} />
            <Button
              type="dashed"
              icon={<PlusOutlined aria-hidden />}
              onClick={() => add({ regionCode: null, quota: 1 })}
              style={{ marginBottom: 16 }}
            >
              {t('batches.addQuota')}
            </Button>
          </>
        )}
      </Form.List>

      <Divider titlePlacement="start" plain>
        {t('batches.field.eligibility')}
      </Divider>
      <Flex gap={16} wrap>
        {AGE_BANDS.map((band) => (
          <Form.Item
            key={band}
            name={['ageCaps', band]}
            label={t('batches.field.ageCap', { band: t(`rankBand.${band}`) })}
            rules={[
              { required: true, message: t('batches.field.ageCapRequired', { band: t(`rankBand.${band}`) }) },
              zodRule(zEligibility.shape.ageCaps.shape[band], t('batches.field.ageCapRange')),
            ]}
            style={{ flex: '1 1 140px' }}
          >
            <InputNumber style={{ width: '100%' }} min={18} max={70} precision={0} />
          </Form.Item>
        ))}
      </Flex>
      <Form.Item name="minEducation" label={t('batches.field.minEducation')}>
        <Select options={educationOptions} allowClear placeholder={t('batches.field.anyEducation')} />
      </Form.Item>
      <Form.Item name="reserveFirst" valuePropName="checked">
        <Checkbox>{t('batches.field.reserveFirst')}</Checkbox>
      </Form.Item>

      <FormActions onCancel={onClose} saving={save.isPending} />
    </Form>
  );
}
