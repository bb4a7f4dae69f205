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
 * The columns of each workbook kind, in order: one definition serves the template (header,
 * notes row, dropdowns, formats), the reader (headers → fields), the row checks and the export.
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

function col(
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

const optional = { required: false };

function cadreColumns(): ColumnSpec[] {
  const pick = (key: keyof typeof OPTIONS, header: MessageKey, width = 12) =>
    col(key, header, 'excel.note.pick', 'enum', width, { options: OPTIONS[key]() });
  return [
    col('name', 'excel.col.name', 'excel.note.name', 'text', 12),
    pick('gender', 'excel.col.gender', 8),
    pick('ethnicity', 'excel.col.ethnicity', 12),
    pick('politicalStatus', 'excel.col.politicalStatus', 14),
    col('birthDate', 'excel.col.birthDate', 'excel.note.date', 'date', 14),
    col('idNumber', 'excel.col.idNumber', 'excel.note.idNumber', 'code', 22),
    col('phone', 'excel.col.phone', 'excel.note.phone', 'code', 16, optional),
    pick('education', 'excel.col.education', 14),
    pick('degree', 'excel.col.degree', 10),
    col('school', 'excel.col.school', 'excel.note.optionalText', 'text', 20, optional),
    col('major', 'excel.col.major', 'excel.note.optionalText', 'text', 16, optional),
    col('unitId', 'excel.col.cadreUnit', 'excel.note.cadreUnit', 'reference', 28),
    col('position', 'excel.col.position', 'excel.note.requiredText', 'text', 18),
    pick('rankLevel', 'excel.col.rankLevel', 12),
    pick('rankKind', 'excel.col.rankKind', 12),
    col('reserve', 'excel.col.reserve', 'excel.note.pickOptional', 'bool', 10, {
      required: false,
      options: OPTIONS.bool(),
    }),
    col('expertise', 'excel.col.expertise', 'excel.note.tags', 'list', 24, optional),
  ];
}

function unitColumns(): ColumnSpec[] {
  return [
    col('name', 'excel.col.unitName', 'excel.note.unitName', 'text', 30),
    col('kind', 'excel.col.unitKind', 'excel.note.pick', 'enum', 14, { options: OPTIONS.unitKind() }),
    col('regionCode', 'excel.col.regionCode', 'excel.note.regionCode', 'code', 14),
    col('parentId', 'excel.col.parent', 'excel.note.parent', 'reference', 30, optional),
    col('contactName', 'excel.col.contactName', 'excel.note.optionalText', 'text', 12, optional),
    col('contactPhone', 'excel.col.contactPhone', 'excel.note.phone', 'code', 16, optional),
  ];
}

function postColumns(): ColumnSpec[] {
  return [
    col('batchId', 'excel.col.batch', 'excel.note.batch', 'reference', 30),
    col('unitId', 'excel.col.receivingUnit', 'excel.note.receivingUnit', 'reference', 28),
    col('title', 'excel.col.title', 'excel.note.requiredText', 'text', 20),
    col('level', 'excel.col.level', 'excel.note.pick', 'enum', 12, { options: OPTIONS.rankLevel() }),
    col('inCharge', 'excel.col.inCharge', 'excel.note.areas', 'list', 24, optional),
    col('assist', 'excel.col.assist', 'excel.note.areas', 'list', 24, optional),
    col('expertise', 'excel.col.postExpertise', 'excel.note.tags', 'list', 24, optional),
    col('headcount', 'excel.col.headcount', 'excel.note.headcount', 'integer', 8),
    col('notes', 'excel.col.notes', 'excel.note.optionalText', 'text', 30, optional),
  ];
}

export function columnsOf(kind: ImportKind): ColumnSpec[] {
  switch (kind) {
    case 'cadres':
      return cadreColumns();
    case 'units':
      return unitColumns();
    case 'posts':
      return postColumns();
  }
}

export const sheetNameOf = (kind: ImportKind) => t(`excel.sheet.${kind}`);

/** The hidden marker an import checks: which template a workbook was made from. */
export const MARKER_SHEET = '_guazhi';
export const TEMPLATE_VERSION = 1;
export const markerOf = (kind: ImportKind) => `template=${kind};version=${TEMPLATE_VERSION}`;
