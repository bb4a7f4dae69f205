import { SendOutlined } from '@ant-design/icons';
import { Alert, App, Form, Input, Select, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import {
  DEGREES,
  EDUCATIONS,
  ETHNICITIES,
  GENDERS,
  POLITICAL_STATUSES,
  RANK_KINDS,
  RANK_LEVELS,
} from '../../../common/cadres/cadre-enums';
import type { CadreDetail } from '../../../common/cadres/cadres.schema';
import {
  type CorrectionInput,
  type KeyField,
  zCorrectionChanges,
  zCorrectionInput,
} from '../../../common/corrections/corrections.schema';
import { t, tMaybe } from '../../../common/i18n/index';
import { type ApiError, errorMessage } from '../api/client';
import { maxLengthOf, zodRule } from '../common/form.utils';
import { FormActions, FormModal } from '../common/record-form.component';
import { useProposeCorrection } from './corrections.api';
import { displayValue, fieldName, formFailure } from './corrections.utils';

/** The key fields this form offers, with their choices (none: typed text). */
const FORM_FIELDS: {
  field: Exclude<KeyField, 'unitId' | 'relatives'>;
  options?: readonly string[];
  prefix?: string;
}[] = [
  { field: 'name' },
  { field: 'gender', options: GENDERS, prefix: 'gender' },
  { field: 'ethnicity', options: ETHNICITIES },
  { field: 'birthDate' },
  { field: 'idNumber' },
  { field: 'politicalStatus', options: POLITICAL_STATUSES, prefix: 'political' },
  { field: 'education', options: EDUCATIONS, prefix: 'education' },
  { field: 'degree', options: DEGREES, prefix: 'degree' },
  { field: 'position' },
  { field: 'rankLevel', options: RANK_LEVELS, prefix: 'rankLevel' },
  { field: 'rankKind', options: RANK_KINDS, prefix: 'rankKind' },
];
const FIELDS = [...FORM_FIELDS.map((f) => f.field), 'note'] as const;
type FormValues = Partial<Record<(typeof FIELDS)[number], string>>;
const shape = zCorrectionChanges.shape;

export interface CorrectionModalProps {
  profile: CadreDetail;
  open: boolean;
  onClose: () => void;
}

/** 申请更正: the current value of each key field beside a box for the new one, and a note. */
export function CorrectionModal({ profile, open, onClose }: CorrectionModalProps) {
  return (
    <FormModal open={open} title={t('correctionForm.title')} onClose={onClose} width={640}>
      <CorrectionForm profile={profile} onClose={onClose} />
    </FormModal>
  );
}

function CorrectionForm({ profile, onClose }: Omit<CorrectionModalProps, 'open'>) {
  return (
    <ProposalForm<FormValues>
      onClose={onClose}
      hint={t('correctionForm.hint')}
      empty={t('correctionForm.empty')}
      fields={FIELDS}
      changesOf={(values) =>
        Object.fromEntries(
          FORM_FIELDS.map(({ field }) => [field, values[field]?.trim()]).filter(([, v]) => v),
        )
      }
    >
      {FORM_FIELDS.map(({ field, options, prefix }) => (
        <Form.Item
          key={field}
          name={field}
          label={fieldName(field)}
          extra={t('correctionForm.current', { value: displayValue(field, profile[field]) })}
          rules={[zodRule(shape[field])]}
        >
          {options ? (
            <Select
              allowClear
              options={options.map((value) => ({
                value,
                label: prefix ? tMaybe(`${prefix}.${value}`) : value,
              }))}
              showSearch={field === 'ethnicity'}
            />
          ) : (
            <Input autoComplete="off" placeholder={field === 'birthDate' ? 'YYYY-MM-DD' : undefined} />
          )}
        </Form.Item>
      ))}
    </ProposalForm>
  );
}

export interface ProposalFormProps<V> {
  onClose: () => void;
  hint: string;
  /** What to say when nothing would change. */
  empty: string;
  /** The form's field names (server field errors land on them). */
  fields: readonly string[];
  /** The proposed changes from the form's values: only those that differ; none → `empty`. */
  changesOf: (values: V) => Record<string, unknown>;
  initialValues?: Partial<V>;
  children: ReactNode;
}

/**
 * A correction request's form: the hint, what failed, the fields given, 说明 and 提交申请; sends
 * the changes and closes (申请更正 and 更正工作经历及家庭成员).
 */
export function ProposalForm<V extends { note?: string }>({
  onClose,
  hint,
  empty,
  fields,
  changesOf,
  initialValues,
  children,
}: ProposalFormProps<V>) {
  const [form] = Form.useForm<V>();
  const { message } = App.useApp();
  const propose = useProposeCorrection();
  const [failure, setFailure] = useState<ApiError | string | null>(null);

  const submit = async (values: V) => {
    setFailure(null);
    const changes = changesOf(values);
    if (Object.keys(changes).length === 0) {
      setFailure(empty);
      return;
    }
    try {
      await propose.mutateAsync({ changes, note: values.note?.trim() || null } as CorrectionInput);
      message.success(t('correctionForm.submitted'));
      onClose();
    } catch (error) {
      setFailure(formFailure(form, error, fields));
    }
  };

  return (
    <Form<V>
      form={form}
      layout="vertical"
      initialValues={initialValues}
      onFinish={submit}
      onFinishFailed={() => message.warning(t('common.formHasErrors'))}
    >
      <Typography.Paragraph type="secondary">{hint}</Typography.Paragraph>
      {failure ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={typeof failure === 'string' ? failure : errorMessage(failure)}
        />
      ) : null}
      {children}
      <Form.Item name="note" label={t('correctionForm.note')} rules={[zodRule(zCorrectionInput.shape.note)]}>
        <Input.TextArea
          rows={2}
          maxLength={maxLengthOf(zCorrectionInput.shape.note)}
          placeholder={t('correctionForm.notePlaceholder')}
        />
      </Form.Item>
      <FormActions
        onCancel={onClose}
        saving={propose.isPending}
        okText={t('correctionForm.submit')}
        okIcon={<SendOutlined aria-hidden />}
      />
    </Form>
  );
}
