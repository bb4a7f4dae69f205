import {
  DEGREES,
  EDUCATIONS,
  ETHNICITIES,
  GENDERS,
  POLITICAL_STATUSES,
  RANK_KINDS,
  RANK_LEVELS,
} from '../../common/cadres/cadre-enums.js';
import type { ImportKind } from '../../common/excel/excel.schema.js';
import { type MessageKey, t } from '../../common/i18n/index.js';
import { UNIT_KINDS } from '../../common/units/units.schema.js';

/**
 * What a workbook column is. Each import kind declares its columns, in order, in its own
 * `kinds/<kind>.check.ts`: one definition serves the template (header, notes row, dropdowns,
 * formats), the reader (headers → fields), the row checks and the export. Pure: no database.
 */
export type ColumnType =
  /** free text */
  | 'text'
  /** digits kept as text (ID number, phone, region code): the template formats the column as text */
  | 'code'
  | 'date'
  /** one of `options`, written as its Chinese label */
  | 'enum'
  /** 是 / 否 */
  | 'bool'
  | 'integer'
  /** several values in one cell, separated by 、 or , */
  | 'list'
  /** a name resolved on import (unit, batch), offered as a dropdown when the template knows them */
  | 'reference';

export interface Option {
  label: string;
  code: string;
}

export interface ColumnSpec {
  /** The field it fills (the schema's name where there is one). */
  key: string;
  header: string;
  note: string;
  required: boolean;
  type: ColumnType;
  width: number;
  options?: Option[];
}

const labelled = <C extends string>(codes: readonly C[], key: (code: C) => MessageKey): Option[] =>
  codes.map((code) => ({ code, label: t(key(code)) }));

export const OPTIONS = {
  gender: () => labelled(GENDERS, (c) => `gender.${c}`),
  ethnicity: (): Option[] => ETHNICITIES.map((e) => ({ code: e, label: e })),
  politicalStatus: () => labelled(POLITICAL_STATUSES, (c) => `political.${c}`),
  education: () => labelled(EDUCATIONS, (c) => `education.${c}`),
  degree: () => labelled(DEGREES, (c) => `degree.${c}`),
  rankLevel: () => labelled(RANK_LEVELS, (c) => `rankLevel.${c}`),
  rankKind: () => labelled(RANK_KINDS, (c) => `rankKind.${c}`),
  unitKind: () => labelled(UNIT_KINDS, (c) => `unitKind.${c}`),
  bool: (): Option[] => [
    { code: 'true', label: t('excel.yes') },
    { code: 'false', label: t('excel.no') },
  ],
};

/** One column: header and note are message keys; required unless `extra` says otherwise. */
export function col(
  key: string,
  header: MessageKey,
  note: MessageKey,
  type: ColumnType,
  width: number,
  extra: { required?: boolean; options?: Option[] } = {},
): ColumnSpec {
  return {
    key,
    header: t(header),
    note: t(note),
    required: extra.required ?? true,
    type,
    width,
    ...(extra.options ? { options: extra.options } : {}),
  };
}

export const optional = { required: false };

export const sheetNameOf = (kind: ImportKind) => t(`excel.sheet.${kind}`);

/** The hidden marker an import checks: which template a workbook was made from. */
export const MARKER_SHEET = '_guazhi';
export const TEMPLATE_VERSION = 1;
export const markerOf = (kind: ImportKind, masked = false) =>
  `template=${kind};version=${TEMPLATE_VERSION}${masked ? ';masked=1' : ''}`;
