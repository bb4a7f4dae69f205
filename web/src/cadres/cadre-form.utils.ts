import dayjs, { type Dayjs } from 'dayjs';
import type { CadreDetail, CadreInput } from '../../../common/cadres/cadres.schema';
import { normalizeIdNumber } from '../../../common/personal/id-number';
import type { CadreUpdate } from './cadres.api';

type Profile = Omit<
  CadreInput,
  'idNumber' | 'phone' | 'birthDate' | 'resume' | 'relatives' | 'school' | 'major'
>;

/** The form's values: the schema's fields and names, with dayjs dates for the pickers. */
export interface CadreFormValues extends Required<Profile> {
  birthDate: Dayjs;
  idNumber?: string;
  phone?: string;
  clearPhone?: boolean;
  school?: string;
  major?: string;
  resume: { fromMonth: Dayjs; toMonth?: Dayjs | null; unitName: string; position: string }[];
  relatives: NonNullable<CadreInput['relatives']>;
}

export const MONTH = 'YYYY-MM';
export const DAY = 'YYYY-MM-DD';

/** The fields of the form by the schema's names; list entries' fields as `resume.toMonth` etc. */
export const CADRE_FIELDS = [
  'name',
  'gender',
  'ethnicity',
  'politicalStatus',
  'birthDate',
  'idNumber',
  'phone',
  'education',
  'degree',
  'school',
  'major',
  'unitId',
  'position',
  'rankLevel',
  'rankKind',
  'reserve',
  'expertise',
  ...['fromMonth', 'toMonth', 'unitName', 'position'].map((field) => `resume.${field}`),
  ...['name', 'relation', 'unitName', 'position'].map((field) => `relatives.${field}`),
];

/** A new cadre's form starts with the usual defaults; an edit starts from the record. */
export function toFormValues(cadre: CadreDetail | null): Partial<CadreFormValues> {
  if (!cadre)
    return {
      ethnicity: '汉族',
      reserve: false,
      expertise: [],
      resume: [],
      relatives: [],
      rankKind: 'leadership',
    };
  return {
    name: cadre.name,
    gender: cadre.gender,
    ethnicity: cadre.ethnicity,
    politicalStatus: cadre.politicalStatus,
    birthDate: dayjs(cadre.birthDate, DAY),
    education: cadre.education,
    degree: cadre.degree,
    school: cadre.school ?? '',
    major: cadre.major ?? '',
    unitId: cadre.unitId,
    position: cadre.position,
    rankLevel: cadre.rankLevel,
    rankKind: cadre.rankKind,
    reserve: cadre.reserve,
    expertise: cadre.expertise,
    ...toFormLists(cadre),
  };
}

/** The résumé and relatives as the list fields hold them (cadre form, 申请更正履历). */
export function toFormLists(cadre: Pick<CadreDetail, 'resume' | 'relatives'>): CadreFormLists {
  return {
    resume: cadre.resume.map((r) => ({
      fromMonth: dayjs(r.fromMonth, MONTH),
      toMonth: r.toMonth ? dayjs(r.toMonth, MONTH) : null,
      unitName: r.unitName,
      position: r.position,
    })),
    relatives: cadre.relatives,
  };
}
export type CadreFormLists = Pick<CadreFormValues, 'resume' | 'relatives'>;

/** The list fields' values as the server takes them. */
export function fromFormLists(values: Partial<CadreFormLists>): Pick<CadreInput, 'resume' | 'relatives'> {
  return {
    resume: (values.resume ?? []).map((r) => ({
      fromMonth: r.fromMonth.format(MONTH),
      toMonth: r.toMonth ? r.toMonth.format(MONTH) : null,
      unitName: r.unitName.trim(),
      position: r.position.trim(),
    })),
    relatives: (values.relatives ?? []).map((r) => ({
      name: r.name.trim(),
      relation: r.relation,
      unitName: r.unitName.trim(),
      position: trimmed(r.position),
    })),
  };
}

const trimmed = (value: string | null | undefined) => value?.trim() || null;

/** What both create and update send (ID number and phone apart). */
function profileOf(values: CadreFormValues): Omit<CadreInput, 'idNumber' | 'phone'> {
  return {
    name: values.name.trim(),
    gender: values.gender,
    ethnicity: values.ethnicity,
    politicalStatus: values.politicalStatus,
    birthDate: values.birthDate.format(DAY),
    education: values.education,
    degree: values.degree,
    school: trimmed(values.school),
    major: trimmed(values.major),
    unitId: values.unitId,
    position: values.position.trim(),
    rankLevel: values.rankLevel,
    rankKind: values.rankKind,
    reserve: values.reserve ?? false,
    expertise: (values.expertise ?? []).map((e) => e.trim()).filter(Boolean),
    ...fromFormLists(values),
  };
}

export function toCadreInput(values: CadreFormValues): CadreInput {
  return {
    ...profileOf(values),
    idNumber: normalizeIdNumber(values.idNumber ?? ''),
    phone: trimmed(values.phone),
  };
}

/** On edit the ID number and phone are sent only when typed anew (or the phone removed). */
export function toCadreUpdate(values: CadreFormValues, version: number): CadreUpdate {
  const idNumber = values.idNumber?.trim();
  const phone = values.phone?.trim();
  return {
    ...profileOf(values),
    version,
    ...(idNumber ? { idNumber: normalizeIdNumber(idNumber) } : {}),
    ...(values.clearPhone ? { phone: null } : phone ? { phone } : {}),
  };
}
