import { Form, Input, Select } from 'antd';
import { t } from '../../../common/i18n/index';
import {
  type PROGRAMME_KINDS,
  type Programme,
  type ProgrammeValues,
  zProgrammeInput,
} from '../../../common/programmes/programmes.schema';
import { maxLengthOf, textLimits, zodRule } from '../common/form.utils';
import { FormActions, FormFailureAlert, FormModal } from '../common/record-form.component';
import { useRecordForm } from '../common/record-form.hooks';
import { RegionCascader } from '../regions/region-cascader.component';
import { fetchProgramme, useSaveProgramme } from './programmes.api';
import { programmeKindOptions } from './programmes-filter.component';

interface ProgrammeFormValues {
  name: string;
  kind?: (typeof PROGRAMME_KINDS)[number];
  regionCode?: string | null;
  description?: string;
}

/** The form's field names are the schema's, so server field errors land on them as they are. */
const FIELDS = ['name', 'kind', 'regionCode', 'description'] as const;

const toValues = (p: Programme | null): ProgrammeFormValues =>
  p
    ? { name: p.name, kind: p.kind, regionCode: p.regionCode, description: p.description ?? '' }
    : { name: '' };

const toInput = (v: ProgrammeFormValues): ProgrammeValues => ({
  name: v.name.trim(),
  kind: v.kind as ProgrammeValues['kind'],
  regionCode: v.regionCode ?? '',
  description: v.description?.trim() || null,
});

export interface ProgrammeFormModalProps {
  open: boolean;
  /** The programme to edit; null to create one. */
  programme: Programme | null;
  onClose: () => void;
}

/** 新建项目 / 编辑项目 in a modal: Enter submits, Esc closes, server field errors on the fields. */
export function ProgrammeFormModal({ open, programme, onClose }: ProgrammeFormModalProps) {
  return (
    <FormModal
      open={open}
      title={programme ? t('programmes.editTitle') : t('programmes.create')}
      onClose={onClose}
      width={600}
    >
      {/* keyed so that every opening starts from the record's values */}
      <ProgrammeForm key={programme?.id ?? 'new'} programme={programme} onClose={onClose} />
    </FormModal>
  );
}

function ProgrammeForm({ programme, onClose }: Omit<ProgrammeFormModalProps, 'open'>) {
  const [form] = Form.useForm<ProgrammeFormValues>();
  const save = useSaveProgramme();
  const { record, attempt, failureProps, formProps } = useRecordForm({
    form,
    fields: FIELDS,
    initial: programme,
    fetchFresh: (p) => fetchProgramme(p.id),
    toValues,
    onDone: onClose,
  });

  const submit = (values: ProgrammeFormValues) =>
    attempt(async () => {
      const input = toInput(values);
      const saved = await save.mutateAsync(
        record ? { id: record.id, input, version: record.version } : { id: null, input },
      );
      return t(record ? 'programmes.saved' : 'programmes.created', { name: saved.name });
    });

  return (
    <Form<ProgrammeFormValues> {...formProps} onFinish={submit}>
      <FormFailureAlert {...failureProps} />
      <Form.Item
        name="name"
        label={t('programmes.field.name')}
        rules={[
          { required: true, whitespace: true, message: t('programmes.field.nameRequired') },
          zodRule(
            zProgrammeInput.shape.name,
            t('programmes.field.nameLength', textLimits(zProgrammeInput.shape.name)),
          ),
        ]}
      >
        <Input autoFocus maxLength={maxLengthOf(zProgrammeInput.shape.name)} showCount autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="kind"
        label={t('programmes.field.kind')}
        rules={[{ required: true, message: t('programmes.field.kindRequired') }]}
      >
        <Select options={programmeKindOptions} placeholder={t('programmes.kindPlaceholder')} />
      </Form.Item>
      <Form.Item
        name="regionCode"
        label={t('programmes.field.region')}
        extra={t('programmes.field.regionHint')}
        rules={[{ required: true, message: t('programmes.field.regionRequired') }]}
      >
        <RegionCascader />
      </Form.Item>
      <Form.Item
        name="description"
        label={t('programmes.field.description')}
        rules={[
          zodRule(
            zProgrammeInput.shape.description,
            t('programmes.field.descriptionLength', textLimits(zProgrammeInput.shape.description)),
          ),
        ]}
      >
        <Input.TextArea rows={4} maxLength={maxLengthOf(zProgrammeInput.shape.description)} showCount />
      </Form.Item>
      <FormActions onCancel={onClose} saving={save.isPending} />
    </Form>
  );
}
