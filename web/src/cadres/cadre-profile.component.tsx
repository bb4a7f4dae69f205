import {
  Card,
  Descriptions,
  type DescriptionsProps,
  Empty,
  Flex,
  Table,
  type TableColumnsType,
  Timeline,
  Typography,
} from 'antd';
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
  more: Partial<Record<'unit', NonNullable<DescriptionsProps['items']>>> = {},
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
    {
      key: 'reserve',
      label: t('cadres.field.reserve'),
      children: cadre.reserve ? t('common.yes') : t('common.no'),
    },
    { key: 'expertise', label: t('cadres.field.expertise'), children: shown.expertise },
  ];
}

/** 简历: the résumé as a timeline, oldest first (干部详情 and 我的档案). */
export function CadreResumeCard({ resume }: { resume: CadreDetail['resume'] }) {
  const sorted = [...resume].sort((a, b) => a.fromMonth.localeCompare(b.fromMonth));
  return (
    <Card title={t('cadres.resume')} data-testid="cadre-resume">
      {sorted.length > 0 ? (
        <Timeline
          items={sorted.map((entry, index) => ({
            key: `${entry.fromMonth}-${index}`,
            content: (
              <div>
                <Typography.Text strong className="mono">
                  {entry.fromMonth} — {entry.toMonth ?? t('cadres.resumeNow')}
                </Typography.Text>
                <div>
                  {entry.unitName} {entry.position}
                </div>
              </div>
            ),
          }))}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('cadres.resumeEmpty')} />
      )}
    </Card>
  );
}

type RelativeRow = CadreDetail['relatives'][number];

const relativeColumns: TableColumnsType<RelativeRow & { key: number }> = [
  {
    key: 'relation',
    dataIndex: 'relation',
    title: t('cadres.rel.relation'),
    width: 120,
    render: (r: RelativeRow['relation']) => t(`relation.${r}`),
  },
  { key: 'name', dataIndex: 'name', title: t('cadres.rel.name'), width: 120 },
  { key: 'unitName', dataIndex: 'unitName', title: t('cadres.rel.unit') },
  {
    key: 'position',
    dataIndex: 'position',
    title: t('cadres.rel.position'),
    render: (p: string | null) => p ?? '',
  },
];

/** 家庭成员及社会关系: the relatives as a table (干部详情 and 我的档案). */
export function CadreRelativesCard({ relatives }: { relatives: CadreDetail['relatives'] }) {
  return (
    <Card title={t('cadres.relatives')} data-testid="cadre-relatives">
      <Table
        rowKey="key"
        size="small"
        columns={relativeColumns}
        dataSource={relatives.map((r, key) => ({ ...r, key }))}
        pagination={false}
        scroll={{ x: 480 }}
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('cadres.relativesEmpty')} />,
        }}
      />
    </Card>
  );
}

/** The profile card: the photo (and what goes under it) beside the facts. */
export function CadreProfileCard({
  title,
  photo,
  items,
}: {
  title: string;
  photo: ReactNode;
  items: NonNullable<DescriptionsProps['items']>;
}) {
  return (
    <Card title={title}>
      <Flex gap={24} align="flex-start" wrap>
        {photo}
        <Descriptions
          style={{ flex: 1, minWidth: 280 }}
          items={items}
          column={{ xs: 1, sm: 2, lg: 3 }}
          size="small"
          bordered
        />
      </Flex>
    </Card>
  );
}
