import type { DescriptionsProps } from 'antd';
import type { ReactNode } from 'react';
import type { CadreDetail } from '../../../common/cadres/cadres.schema';
import { t } from '../../../common/i18n/index';

/** What each page shows in its own way (masked or not, the empty mark, tags or a list). */
export type CadreProfileShown = Record<'idNumber' | 'phone' | 'school' | 'major' | 'expertise', ReactNode>;

/**
 * A cadre's profile as `Descriptions` items, in the 干部名册 order: the detail page and 我的档案
 * show the same facts. `more` adds items after the named one (e.g. 所在区划 after 工作单位).
 */
export function cadreProfileItems(
  cadre: CadreDetail,
  shown: CadreProfileShown,
  more: Partial<Record<'unit' | 'rankKind', NonNullable<DescriptionsProps['items']>>> = {},
): NonNullable<DescriptionsProps['items']> {
  return [
    { key: 'name', label: t('cadres.field.name'), children: cadre.name },
    { key: 'gender', label: t('cadres.field.gender'), children: t(`gender.${cadre.gender}`) },
    { key: 'ethnicity', label: t('cadres.field.ethnicity'), children: cadre.ethnicity },
    {
      key: 'politicalStatus',
      label: t('cadres.field.politicalStatus'),
      children: t(`political.${cadre.politicalStatus}`),
    },
    { key: 'birthDate', label: t('cadres.field.birthDate'), children: cadre.birthDate },
    { key: 'idNumber', label: t('cadres.field.idNumber'), children: shown.idNumber },
    { key: 'phone', label: t('cadres.field.phone'), children: shown.phone },
    { key: 'education', label: t('cadres.field.education'), children: t(`education.${cadre.education}`) },
    { key: 'degree', label: t('cadres.field.degree'), children: t(`degree.${cadre.degree}`) },
    { key: 'school', label: t('cadres.field.school'), children: shown.school },
    { key: 'major', label: t('cadres.field.major'), children: shown.major },
    { key: 'unit', label: t('cadres.field.unit'), children: cadre.unitName },
    ...(more.unit ?? []),
    { key: 'position', label: t('cadres.field.position'), children: cadre.position },
    { key: 'rankLevel', label: t('cadres.field.rankLevel'), children: t(`rankLevel.${cadre.rankLevel}`) },
    { key: 'rankKind', label: t('cadres.field.rankKind'), children: t(`rankKind.${cadre.rankKind}`) },
    ...(more.rankKind ?? []),
    { key: 'expertise', label: t('cadres.field.expertise'), children: shown.expertise },
  ];
}
