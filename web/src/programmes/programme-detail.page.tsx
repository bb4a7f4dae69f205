import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Flex, Spin, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { formatTime } from '../../../common/format/date-time';
import { t } from '../../../common/i18n/index';
import type { ProgrammeView as Programme } from '../../../common/programmes/programmes.schema';
import { isApiError } from '../api/client';
import { ErrorState } from '../common/error-state.component';
import { NotFoundPage } from '../common/not-found.page';
import { PageHeader } from '../common/page-header.component';
import { BatchesCard } from './batches.component';
import { ProgrammeFormModal } from './programme.form';
import { useProgramme } from './programmes.api';

/** 项目详情: the programme's data and its batches (quotas, rules, status and its history). */
export function ProgrammeDetailPage() {
  const { id = '' } = useParams();
  const programme = useProgramme(id);
  const navigate = useNavigate();

  if (programme.isError && isApiError(programme.error, 'NOT_FOUND')) return <NotFoundPage />;

  const back = (
    <Button icon={<ArrowLeftOutlined aria-hidden />} onClick={() => navigate('/projects')}>
      {t('programmes.back')}
    </Button>
  );

  if (programme.isError) {
    return (
      <>
        <PageHeader title={t('programmes.detailTitle')} extra={back} />
        <ErrorState
          title={t('programmes.loadOneFailed')}
          error={programme.error}
          onRetry={() => void programme.refetch()}
          retrying={programme.isFetching}
        />
      </>
    );
  }
  if (!programme.data) {
    return (
      <>
        <PageHeader title={t('programmes.detailTitle')} extra={back} />
        <Flex justify="center" style={{ padding: 48 }}>
          <Spin description={t('app.loading')} />
        </Flex>
      </>
    );
  }
  return <ProgrammeView programme={programme.data} back={back} />;
}

function ProgrammeView({ programme, back }: { programme: Programme; back: ReactNode }) {
  // the buttons the server says this caller may use on this programme (ADR 027)
  const canUpdate = programme.actions.includes('update');
  const [editing, setEditing] = useState(false);

  return (
    <>
      <PageHeader
        title={programme.name}
        extra={
          <>
            {back}
            {canUpdate ? (
              <Button icon={<EditOutlined aria-hidden />} onClick={() => setEditing(true)}>
                {t('programmes.edit')}
              </Button>
            ) : null}
          </>
        }
      />
      <Flex vertical gap={16}>
        <Card>
          <Descriptions
            column={{ xs: 1, md: 2 }}
            items={[
              { key: 'name', label: t('programmes.field.name'), children: programme.name },
              {
                key: 'kind',
                label: t('programmes.field.kind'),
                children: t(`programmeKind.${programme.kind}`),
              },
              { key: 'region', label: t('programmes.field.region'), children: programme.regionName },
              { key: 'batchCount', label: t('programmes.col.batchCount'), children: programme.batchCount },
              {
                key: 'createdAt',
                label: t('programmes.col.createdAt'),
                children: formatTime(programme.createdAt),
              },
              {
                key: 'updatedAt',
                label: t('programmes.col.updatedAt'),
                children: formatTime(programme.updatedAt),
              },
              {
                key: 'description',
                label: t('programmes.field.description'),
                span: 'filled',
                children: programme.description ? (
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
                    {programme.description}
                  </Typography.Paragraph>
                ) : (
                  <Typography.Text type="secondary">{t('programmes.noDescription')}</Typography.Text>
                ),
              },
            ]}
          />
        </Card>
        <BatchesCard programme={programme} />
      </Flex>
      {canUpdate ? (
        <ProgrammeFormModal open={editing} programme={programme} onClose={() => setEditing(false)} />
      ) : null}
    </>
  );
}
