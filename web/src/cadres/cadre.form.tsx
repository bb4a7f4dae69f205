import {
  App,
  Checkbox,
  Col,
  DatePicker,
  Divider,
  Form,
  type FormRule,
  Input,
  Row,
  Select,
  Switch,
} from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import type { z } from 'zod';
import {
  DEGREES,
  EDUCATIONS,
  ETHNICITIES,
  GENDERS,
  POLITICAL_STATUSES,
  RANK_KINDS,
  RANK_LEVELS,
} from '../../../common/cadres/cadre-enums';
import { type CadreDetail, EXPERTISE_MAX_TAGS, zCadreInput } from '../../../common/cadres/cadres.schema';
import { type MessageKey, t } from '../../../common/i18n/index';
import { identityMismatches, idNumberFacts, idNumberProblems } from '../../../common/personal/id-number';
import { cadreKeys } from '../api/query-keys';
import { maxLengthOf, textLimits, zodRule } from '../common/form.utils';
import { FormActions, FormFailureAlert, FormModal } from '../common/record-form.component';
import { useFetchFresh, useRecordForm } from '../common/record-form.hooks';
import { UnitSelect } from '../units/unit-select.component';
import {
  CADRE_FIELDS,
  type CadreFormValues,
  DAY,
  toCadreInput,
  toCadreUpdate,
  toFormValues,
} from './cadre-form.utils';
import { CadreRelativesField, CadreResumeField } from './cadre-lists.component';
import { fetchCadre, useExpertiseOptions, useSaveCadre } from './cadres.api';

const options = <T extends string>(values: readonly T[], prefix: string) =>
  values.map((value) => ({ value, label: t(`${prefix}.${value}` as MessageKey) }));
const genderOptions = options(GENDERS, 'gender');
const politicalOptions = options(POLITICAL_STATUSES, 'political');
const educationOptions = options(EDUCATIONS, 'education');
const degreeOptions = options(DEGREES, 'degree');
const rankLevelOptions = options(RANK_LEVELS, 'rankLevel');
const rankKindOptions = options(RANK_KINDS, 'rankKind');
const ethnicityOptions = ETHNICITIES.map((e) => ({ value: e, label: e }));

/** "请填写姓名" / "请选择民族": a required rule naming the field. */
const required = (label: string, choose = false): FormRule =>
  // no `whitespace` key for choices: any key besides `required` makes the check expect a string
  choose
    ? { required: true, message: t('cadreForm.choose', { field: label }) }
    : { required: true, whitespace: true, message: t('cadreForm.required', { field: label }) };
/** The length rule of a text field, with the shared schema's limits. */
const length = (label: string, schema: z.ZodType): FormRule => {
  const { min, max } = textLimits(schema);
  return min > 1
    ? { min, max, message: t('cadreForm.length', { field: label, min, max }) }
    : { max, message: t('cadreForm.max', { field: label, max }) };
};
const profile = zCadreInput.shape;
const expertiseTag = textLimits(profile.expertise.unwrap().element);

/** The ID number as the server checks it (GB 11643 check digit, birth date, region). */
const idNumberRule = zodRule(zCadreInput.shape.idNumber);

/** A valid ID number typed in the form, or null. */
const validIdNumber = (value: string | undefined): string | null =>
  value?.trim() && idNumberProblems(value).length === 0 ? value.trim() : null;

/** Birth date and gender must be what the typed ID number says (the server's own check). */
const matchesIdNumber =
  (field: 'birthDate' | 'gender'): FormRule =>
  ({ getFieldValue }) => ({
    validator: async (_rule, value: CadreFormValues['birthDate'] | CadreFormValues['gender'] | undefined) => {
      const idNumber = validIdNumber(getFieldValue('idNumber'));
      if (!idNumber || !value) return;
      const given = typeof value === 'string' ? value : value.format(DAY);
      const mismatch = identityMismatches({ [field]: given }, idNumber)[0];
      if (mismatch) throw new Error(t(mismatch.key));
    },
  });

export interface CadreFormModalProps {
  open: boolean;
  /** The cadre to edit (with its lists); null to create one. */
  cadre: CadreDetail | null;
  onClose: () => void;
}

/** 新建干部 / 编辑 in a wide modal. Enter submits; server field errors land on the fields, list entries included. */
export function CadreFormModal({ open, cadre, onClose }: CadreFormModalProps) {
  return (
    <FormModal
      open={open}
      title={cadre ? t('cadreForm.editTitle', { name: cadre.name }) : t('cadreForm.create')}
      onClose={onClose}
      width={1000}
    >
      {/* keyed so that every opening starts from the record's values */}
      <CadreForm key={cadre?.id ?? 'new'} cadre={cadre} onClose={onClose} />
    </FormModal>
  );
}

function Field({ children }: { children: ReactNode }) {
  return (
    <Col xs={24} md={12} lg={8}>
      {children}
    </Col>
  );
}

/** A required choice from a fixed list. */
function Choice({
  name,
  label,
  options: choices,
}: {
  name: keyof CadreFormValues;
  label: string;
  options: { value: string; label: string }[];
}) {
  return (
    <Field>
      <Form.Item name={name} label={label} rules={[required(label, true)]}>
        <Select options={choices} />
      </Form.Item>
    </Field>
  );
}

function CadreForm({ cadre: initial, onClose }: Omit<CadreFormModalProps, 'open'>) {
  const [form] = Form.useForm<CadreFormValues>();
  const { notification } = App.useApp();
  const save = useSaveCadre();
  const expertise = useExpertiseOptions();
  const {
    record: cadre,
    attempt,
    failureProps,
    formProps,
  } = useRecordForm({
    form,
    fields: CADRE_FIELDS,
    initial,
    fetchFresh: useFetchFresh<CadreDetail>(cadreKeys.detail, fetchCadre),
    toValues: toFormValues,
    onDone: onClose,
  });
  const clearPhone = Form.useWatch('clearPhone', form) ?? false;
  const editing = cadre !== null;

  const submit = (values: CadreFormValues) =>
    attempt(async () => {
      const saved = await save.mutateAsync(
        cadre
          ? { id: cadre.id, input: toCadreUpdate(values, cadre.version) }
          : { id: null, input: toCadreInput(values) },
      );
      if (saved.warnings.length > 0) {
        notification.warning({
          title: t('cadreForm.warningsTitle'),
          description: saved.warnings.map((w) => <div key={w.code + w.message}>{w.message}</div>),
          duration: 0,
        });
      }
      return t(cadre ? 'cadreForm.saved' : 'cadreForm.created', { name: saved.name });
    });

  /**
   * A valid ID number carries the birth date and gender: fill them in (and check them again).
   * No `dependencies` on those fields: they would check the old values first, racing this.
   */
  const onIdNumberChange = (value: string) => {
    const idNumber = validIdNumber(value);
    if (!idNumber) return;
    const facts = idNumberFacts(idNumber);
    form.setFieldsValue({ birthDate: dayjs(facts.birthDate, DAY), gender: facts.gender });
    form.validateFields(['birthDate', 'gender']).catch(() => undefined);
  };

  const keepHint = (masked: string | null | undefined) =>
    editing && masked ? t('cadreForm.current', { value: masked }) : undefined;

  const label = {
    name: t('cadres.field.name'),
    idNumber: t('cadres.field.idNumber'),
    gender: t('cadres.field.gender'),
    ethnicity: t('cadres.field.ethnicity'),
    politicalStatus: t('cadres.field.politicalStatus'),
    birthDate: t('cadres.field.birthDate'),
    phone: t('cadres.field.phone'),
    education: t('cadres.field.education'),
    degree: t('cadres.field.degree'),
    school: t('cadres.field.school'),
    major: t('cadres.field.major'),
    unitId: t('cadres.field.unit'),
    position: t('cadres.field.position'),
    rankLevel: t('cadres.field.rankLevel'),
    rankKind: t('cadres.field.rankKind'),
    reserve: t('cadres.field.reserve'),
    expertise: t('cadres.field.expertise'),
  };

  return (
    <Form<CadreFormValues> {...formProps} onFinish={submit}>
      <FormFailureAlert {...failureProps} />
      <Divider titlePlacement="start">{t('cadreForm.sectionBasic')}</Divider>
      <Row gutter={16}>
        <Field>
          <Form.Item
            name="name"
            label={label.name}
            rules={[required(label.name), length(label.name, profile.name)]}
          >
            <Input autoFocus maxLength={maxLengthOf(profile.name)} autoComplete="off" />
          </Form.Item>
        </Field>
        <Field>
          <Form.Item
            name="idNumber"
            label={label.idNumber}
            extra={keepHint(cadre?.idNumber) ?? t('cadreForm.idNumberHint')}
            rules={editing ? [idNumberRule] : [required(label.idNumber), idNumberRule]}
          >
            <Input
              autoComplete="off"
              maxLength={18}
              className="mono"
              onChange={(e) => onIdNumberChange(e.target.value)}
            />
          </Form.Item>
        </Field>
        <Field>
          <Form.Item
            name="birthDate"
            label={label.birthDate}
            rules={[required(label.birthDate, true), matchesIdNumber('birthDate')]}
          >
            <DatePicker format={DAY} style={{ width: '100%' }} />
          </Form.Item>
        </Field>
        <Field>
          <Form.Item
            name="gender"
            label={label.gender}
            rules={[required(label.gender, true), matchesIdNumber('gender')]}
          >
            <Select options={genderOptions} />
          </Form.Item>
        </Field>
        <Field>
          <Form.Item name="ethnicity" label={label.ethnicity} rules={[required(label.ethnicity, true)]}>
            <Select
              options={ethnicityOptions}
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('cadreForm.ethnicityPlaceholder')}
            />
          </Form.Item>
        </Field>
        <Choice name="politicalStatus" label={label.politicalStatus} options={politicalOptions} />
        <Field>
          <Form.Item
            name="phone"
            label={label.phone}
            extra={keepHint(cadre?.phone)}
            rules={clearPhone ? [] : [zodRule(zCadreInput.shape.phone)]}
          >
            <Input
              inputMode="tel"
              autoComplete="off"
              disabled={clearPhone}
              placeholder={t('cadreForm.optional')}
              maxLength={20}
            />
          </Form.Item>
          {editing && cadre?.phone ? (
            <Form.Item name="clearPhone" valuePropName="checked" style={{ marginTop: -16 }}>
              <Checkbox onChange={() => form.setFields([{ name: 'phone', errors: [] }])}>
                {t('cadreForm.clearPhone')}
              </Checkbox>
            </Form.Item>
          ) : null}
        </Field>
        <Choice name="education" label={label.education} options={educationOptions} />
        <Choice name="degree" label={label.degree} options={degreeOptions} />
        <Field>
          <Form.Item name="school" label={label.school} rules={[length(label.school, profile.school)]}>
            <Input maxLength={maxLengthOf(profile.school)} placeholder={t('cadreForm.optional')} />
          </Form.Item>
        </Field>
        <Field>
          <Form.Item name="major" label={label.major} rules={[length(label.major, profile.major)]}>
            <Input maxLength={maxLengthOf(profile.major)} placeholder={t('cadreForm.optional')} />
          </Form.Item>
        </Field>
      </Row>
      <Divider titlePlacement="start">{t('cadreForm.sectionPost')}</Divider>
      <Row gutter={16}>
        <Field>
          <Form.Item name="unitId" label={label.unitId} rules={[required(label.unitId, true)]}>
            <UnitSelect valueLabel={cadre?.unitName} placeholder={t('cadreForm.unitPlaceholder')} />
          </Form.Item>
        </Field>
        <Field>
          <Form.Item
            name="position"
            label={label.position}
            rules={[required(label.position), length(label.position, profile.position)]}
          >
            <Input maxLength={maxLengthOf(profile.position)} />
          </Form.Item>
        </Field>
        <Choice name="rankLevel" label={label.rankLevel} options={rankLevelOptions} />
        <Choice name="rankKind" label={label.rankKind} options={rankKindOptions} />
        <Field>
          <Form.Item name="reserve" label={label.reserve} valuePropName="checked">
            <Switch checkedChildren={t('common.yes')} unCheckedChildren={t('common.no')} />
          </Form.Item>
        </Field>
        <Col xs={24}>
          <Form.Item
            name="expertise"
            label={label.expertise}
            rules={[
              {
                validator: async (_rule, value: string[] | undefined) => {
                  if ((value ?? []).some((tag) => tag.trim().length > expertiseTag.max))
                    throw new Error(t('cadreForm.expertiseTagLength', expertiseTag));
                },
              },
            ]}
          >
            <Select
              mode="tags"
              options={expertise.data}
              loading={expertise.isPending}
              maxCount={EXPERTISE_MAX_TAGS}
              tokenSeparators={[',', '，', '、']}
              placeholder={t('cadreForm.expertisePlaceholder')}
            />
          </Form.Item>
        </Col>
      </Row>
      <Divider titlePlacement="start">{t('cadreForm.sectionResume')}</Divider>
      <CadreResumeField />
      <Divider titlePlacement="start">{t('cadreForm.sectionRelatives')}</Divider>
      <CadreRelativesField />
      <div style={{ marginTop: 16 }}>
        <FormActions onCancel={onClose} saving={save.isPending} />
      </div>
    </Form>
  );
}
