import {
  ArrowLeftOutlined,
  DeleteOutlined,
  EditOutlined,
  EyeInvisibleOutlined,
  EyeOutlined,
} from '@ant-design/icons';
import { Alert, App, Button, Flex, Popconfirm, Spin, Tag, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import type {
  CadreRecordAction,
  CadreDetailView as CadreWithActions,
} from '../../../common/cadres/cadres.schema';
import { formatTime } from '../../../common/format/date-time';
import { t } from '../../../common/i18n/index';
import { errorMessage, isApiError } from '../api/client';
import { sectionOf } from '../app/app.sections';
import { useCameFrom } from '../common/came-from.hooks';
import { ErrorState } from '../common/error-state.component';
import { NotFoundPage } from '../common/not-found.page';
import { PageHeader } from '../common/page-header.component';
import { CadreFormModal } from './cadre.form';
import { CadrePhoto } from './cadre-photo.component';
import {
  CadreProfileCard,
  CadreRelativesCard,
  CadreResumeCard,
  cadreProfileItems,
} from './cadre-profile.component';
import { fetchCadrePersonal, useCadre, useDeleteCadre } from './cadres.api';

const orEmpty = (value: string | null | undefined): ReactNode =>
  value ? value : <Typography.Text type="secondary">{t('cadres.noValue')}</Typography.Text>;

/** 干部详情: profile, expertise, résumé timeline, relatives, warnings, photo; full ID and phone on request. */
export function CadreDetailPage() {
  const { id = '' } = useParams();
  const cadre = useCadre(id);
  const navigate = useNavigate();
  // opened from another section's list (a nominee from 选派推荐): back names that section
  const from = useCameFrom();

  if (cadre.isError && isApiError(cadre.error, 'NOT_FOUND')) return <NotFoundPage />;

  const fromSection = from ? sectionOf(from.split('?')[0] ?? '/') : undefined;
  const back = (
    <Button icon={<ArrowLeftOutlined aria-hidden />} onClick={() => (from ? navigate(from) : navigate(-1))}>
      {fromSection && fromSection.path !== '/cadres'
        ? t('app.backTo', { section: t(fromSection.label) })
        : t('cadres.back')}
    </Button>
  );

  if (cadre.isError) {
    return (
      <>
        <PageHeader title={t('cadres.detailTitle')} extra={back} />
        <ErrorState
          title={t('cadres.loadOneFailed')}
          error={cadre.error}
          onRetry={() => void cadre.refetch()}
          retrying={cadre.isFetching}
        />
      </>
    );
  }
  if (!cadre.data) {
    return (
      <>
        <PageHeader title={t('cadres.detailTitle')} extra={back} />
        <Flex justify="center" style={{ padding: 48 }}>
          <Spin description={t('app.loading')} />
        </Flex>
      </>
    );
  }
  return <CadreDetailView cadre={cadre.data} back={back} />;
}

function CadreDetailView({ cadre, back }: { cadre: CadreWithActions; back: ReactNode }) {
  const { modal, message } = App.useApp();
  const [personal, setPersonal] = useState<{ idNumber: string; phone: string | null } | null>(null);
  const [loading, setLoading] = useState(false);
  const [editing, setEditing] = useState(false);
  // the buttons the server says this caller may use on this record (policy and scope)
  const can = (action: CadreRecordAction) => cadre.actions.includes(action);
  const remove = useDeleteCadre();
  const navigate = useNavigate();

  const onDelete = async () => {
    try {
      await remove.mutateAsync(cadre);
      message.success(t('cadreForm.deleted', { name: cadre.name }));
      navigate('/cadres', { replace: true });
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  const viewFull = () => {
    modal.confirm({
      title: t('cadres.viewFullConfirm'),
      content: t('cadres.viewFullHint'),
      okText: t('cadres.viewFullOk'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        setLoading(true);
        try {
          setPersonal(await fetchCadrePersonal(cadre.id));
        } catch (error) {
          message.error(errorMessage(error));
        } finally {
          setLoading(false);
        }
      },
    });
  };

  const idNumber = personal ? personal.idNumber : cadre.idNumber;
  const phone = personal ? personal.phone : cadre.phone;

  const items = [
    ...cadreProfileItems(
      cadre,
      {
        idNumber: (
          <span className="mono" data-testid="cadre-id-number">
            {idNumber}
          </span>
        ),
        phone: phone ? (
          <span className="mono" data-testid="cadre-phone">
            {phone}
          </span>
        ) : (
          orEmpty(null)
        ),
        school: orEmpty(cadre.school),
        major: orEmpty(cadre.major),
        expertise:
          cadre.expertise.length > 0 ? (
            <Flex wrap gap={4}>
              {cadre.expertise.map((item) => (
                <Tag key={item} style={{ marginInlineEnd: 0 }}>
                  {item}
                </Tag>
              ))}
            </Flex>
          ) : (
            orEmpty(null)
          ),
      },
      { unit: [{ key: 'region', label: t('cadres.field.region'), children: cadre.regionName }] },
    ).map((item) => (item.key === 'expertise' ? { ...item, span: 'filled' as const } : item)),
    {
      key: 'updatedAt',
      label: t('cadres.field.updatedAt'),
      children: formatTime(cadre.updatedAt),
    },
  ];

  return (
    <>
      <PageHeader
        title={`${t('cadres.detailTitle')}：${cadre.name}`}
        extra={
          <>
            {can('update') ? (
              <Button type="primary" icon={<EditOutlined aria-hidden />} onClick={() => setEditing(true)}>
                {t('common.edit')}
              </Button>
            ) : null}
            {can('delete') ? (
              <Popconfirm
                title={t('cadreForm.deleteConfirm', { name: cadre.name })}
                description={t('cadreForm.deleteHint')}
                okText={t('common.delete')}
                okButtonProps={{ danger: true }}
                cancelText={t('common.cancel')}
                onConfirm={onDelete}
              >
                <Button danger icon={<DeleteOutlined aria-hidden />} loading={remove.isPending}>
                  {t('common.delete')}
                </Button>
              </Popconfirm>
            ) : null}
            {!can('viewFull') ? null : personal ? (
              <Button icon={<EyeInvisibleOutlined aria-hidden />} onClick={() => setPersonal(null)}>
                {t('cadres.hideFull')}
              </Button>
            ) : (
              <Button icon={<EyeOutlined aria-hidden />} loading={loading} onClick={viewFull}>
                {t('cadres.viewFull')}
              </Button>
            )}
            {back}
          </>
        }
      />
      <Flex vertical gap={16}>
        {cadre.warnings.map((warning) => (
          <Alert key={warning.code + warning.message} type="warning" showIcon title={warning.message} />
        ))}
        <CadreProfileCard
          title={t('cadres.profile')}
          items={items}
          photo={<CadrePhoto cadre={cadre} canUpload={can('photo')} />}
        />
        <CadreResumeCard resume={cadre.resume} />
        <CadreRelativesCard relatives={cadre.relatives} />
      </Flex>
      {can('update') ? (
        <CadreFormModal open={editing} cadre={cadre} onClose={() => setEditing(false)} />
      ) : null}
    </>
  );
}
