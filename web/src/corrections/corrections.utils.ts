import type { FormInstance } from 'antd';
import type { DiffValue, KeyField, ListEntry } from '../../../common/corrections/corrections.schema';
import { t, tMaybe } from '../../../common/i18n/index';
import { ApiError, applyFieldErrors, errorMessage } from '../api/client';

/** Key fields whose values are codes, with the catalogue prefix of their labels. */
const ENUM_PREFIX: Partial<Record<KeyField, string>> = {
  gender: 'gender',
  politicalStatus: 'political',
  education: 'education',
  degree: 'degree',
  rankLevel: 'rankLevel',
  rankKind: 'rankKind',
};

/** A key field's value as people read it: labels for codes, relatives one by one. */
export function displayValue(field: KeyField, value: DiffValue | undefined): string {
  if (value === null || value === undefined || (Array.isArray(value) && value.length === 0))
    return t('corrections.none');
  if (Array.isArray(value)) return (value as ListEntry[]).map(entryText).join('；');
  const prefix = ENUM_PREFIX[field];
  return prefix ? tMaybe(`${prefix}.${value}`) : value;
}

/** One résumé entry (`2015-03 — 至今 台江县发展和改革局 副局长`) or relative as people read it. */
export function entryText(entry: ListEntry): string {
  if ('fromMonth' in entry)
    return `${entry.fromMonth} — ${entry.toMonth ?? t('cadres.resumeNow')} ${entry.unitName} ${entry.position}`;
  return `${t(`relation.${entry.relation}`)} ${entry.name}（${entry.unitName}${entry.position ? ` ${entry.position}` : ''}）`;
}

export const fieldName = (field: KeyField) => t(`correctionField.${field}`);

/**
 * Puts the server's field errors on the form (`changes.position` lands on `position`);
 * returns what should show above it instead — an error naming no field of the form, a
 * version conflict, a network failure — or null.
 */
export function formFailure(form: FormInstance, error: unknown, fields: readonly string[]): ApiError | null {
  const failure =
    error instanceof ApiError
      ? error
      : new ApiError({ status: 0, code: 'NETWORK', message: errorMessage(error) });
  const unprefixed = new ApiError({
    ...failure,
    message: failure.message,
    fields: failure.fields.map((f) => ({ ...f, field: f.field.replace(/^changes\./, '') })),
  });
  const unplaced = applyFieldErrors(form, unprefixed, fields);
  return unprefixed.fields.length > 0 && unplaced.length === 0 ? null : failure;
}
