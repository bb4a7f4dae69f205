import { useQuery } from '@tanstack/react-query';
import { Flex, Form, Input, Select, Spin } from 'antd';
import { t } from '../../../common/i18n/index';
import {
  UNIT_KINDS,
  type Unit,
  type UnitInput,
  type UnitKind,
  zUnitInput,
} from '../../../common/units/units.schema';
import { unitKeys } from '../api/query-keys';
import { ErrorState } from '../common/error-state.component';
import { maxLengthOf, textLimits, zodRule } from '../common/form.utils';
import { FormActions, FormFailureAlert, FormModal } from '../common/record-form.component';
import { useFetchFresh, useRecordForm } from '../common/record-form.hooks';
import { RegionCascader } from '../regions/region-cascader.component';
import { UnitSelect } from './unit-select.component';
import { fetchUnit, useSaveUnit } from './units.api';

interface UnitFormValues {
  name: string;
  kind?: UnitKind;
  regionCode?: string | null;
  parentId?: string | null;
  contactName?: string;
  contactPhone?: string;
}

/** The form's field names are the schema's, so server field errors land on them as they are. */
const FIELDS = ['name', 'kind', 'regionCode', 'parentId', 'contactName', 'contactPhone'] as const;

const kindOptions = UNIT_KINDS.map((kind) => ({ value: kind, label: t(`unitKind.${kind}`) }));

function toFormValues(unit: Unit | null): UnitFormValues {
  if (!unit) return { name: '' };
  return {
    name: unit.name,
    kind: unit.kind,
    regionCode: unit.regionCode,
    parentId: unit.parentId,
    contactName: unit.contactName ?? '',
    contactPhone: unit.contactPhone ?? '',
  };
}

function toInput(values: UnitFormValues): UnitInput {
  return {
    name: values.name.trim(),
    kind: values.kind as UnitKind,
    regionCode: values.regionCode ?? '',
    parentId: values.parentId ?? null,
    contactName: values.contactName?.trim() || null,
    contactPhone: values.contactPhone?.trim() || null,
  };
}

export interface UnitFormModalProps {
  open: boolean;
  /** The unit to edit; null to create one. */
  unit: Unit | null;
  onClose: () => void;
  onSaved?: (unit: Unit) => void;
}

/**
 * Create or edit a unit in a modal. Enter submits; server field errors appear on the fields.
 * Editing starts from the unit as `GET /api/units/:id` gives it: lists show the contact
 * phone masked, and a masked phone must never be sent back.
 */
export function UnitFormModal({ open, unit, onClose, onSaved }: UnitFormModalProps) {
  return (
    <FormModal
      open={open}
      title={unit ? t('units.editTitle') : t('units.create')}
      onClose={onClose}
      width={600}
    >
      {/* keyed so that every opening starts from the record's values */}
      {unit ? (
        <LoadedUnitForm key={unit.id} id={unit.id} onClose={onClose} onSaved={onSaved} />
      ) : (
        <UnitForm key="new" unit={null} onClose={onClose} onSaved={onSaved} />
      )}
    </FormModal>
  );
}

/** Loads the unit in full (unmasked), then shows the form; the form keeps the copy it started with. */
function LoadedUnitForm({
  id,
  onClose,
  onSaved,
}: { id: string } & Omit<UnitFormModalProps, 'open' | 'unit'>) {
  const detail = useQuery({
    queryKey: unitKeys.detail(id),
    queryFn: ({ signal }) => fetchUnit(id, signal),
    staleTime: 0,
  });
  // fresh from the server, not an older cached copy
  if (detail.data && detail.isFetchedAfterMount && !detail.isError) {
    return <UnitForm unit={detail.data} onClose={onClose} onSaved={onSaved} />;
  }
  if (detail.isError) {
    return (
      <ErrorState
        title={t('units.loadOneFailed')}
        error={detail.error}
        onRetry={() => void detail.refetch()}
        retrying={detail.isFetching}
      />
    );
  }
  return (
    <Flex justify="center" style={{ padding: 48 }}>
      <Spin description={t('app.loading')} />
    </Flex>
  );
}

function UnitForm({ unit: initial, onClose, onSaved }: Omit<UnitFormModalProps, 'open'>) {
  const [form] = Form.useForm<UnitFormValues>();
  const save = useSaveUnit();
  const {
    record: unit,
    attempt,
    failureProps,
    formProps,
  } = useRecordForm({
    form,
    fields: FIELDS,
    initial,
    fetchFresh: useFetchFresh<Unit>(unitKeys.detail, fetchUnit),
    toValues: toFormValues,
    onDone: onClose,
  });

  const submit = (values: UnitFormValues) =>
    attempt(async () => {
      const input = toInput(values);
      const saved = await save.mutateAsync(
        unit ? { id: unit.id, input, version: unit.version } : { id: null, input },
      );
      onSaved?.(saved);
      return t(unit ? 'units.saved' : 'units.created', { name: saved.name });
    });

  return (
    <Form<UnitFormValues> {...formProps} onFinish={submit}>
      <FormFailureAlert {...failureProps} />
      <Form.Item
        name="name"
        label={t('units.field.name')}
        rules={[
          { required: true, whitespace: true, message: t('units.field.nameRequired') },
          zodRule(zUnitInput.shape.name, t('units.field.nameLength', textLimits(zUnitInput.shape.name))),
        ]}
      >
        <Input autoFocus maxLength={maxLengthOf(zUnitInput.shape.name)} showCount autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="kind"
        label={t('units.field.kind')}
        rules={[{ required: true, message: t('units.field.kindRequired') }]}
      >
        <Select options={kindOptions} placeholder={t('units.kindPlaceholder')} />
      </Form.Item>
      <Form.Item
        name="regionCode"
        label={t('units.field.region')}
        rules={[{ required: true, message: t('units.field.regionRequired') }]}
      >
        <RegionCascader />
      </Form.Item>
      <Form.Item name="parentId" label={t('units.field.parent')}>
        <UnitSelect
          valueLabel={unit?.parentName}
          excludeId={unit?.id}
          placeholder={t('units.field.parentPlaceholder')}
        />
      </Form.Item>
      <Form.Item
        name="contactName"
        label={t('units.field.contactName')}
        rules={[
          zodRule(
            zUnitInput.shape.contactName,
            t('units.field.contactNameLength', textLimits(zUnitInput.shape.contactName)),
          ),
        ]}
      >
        <Input maxLength={maxLengthOf(zUnitInput.shape.contactName)} autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="contactPhone"
        label={t('units.field.contactPhone')}
        rules={[zodRule(zUnitInput.shape.contactPhone)]}
      >
        <Input inputMode="tel" autoComplete="off" placeholder={t('units.field.phonePlaceholder')} />
      </Form.Item>
      <FormActions onCancel={onClose} saving={save.isPending} />
    </Form>
  );
}
