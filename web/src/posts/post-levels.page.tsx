import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Modal,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
} from 'antd';
import { useState } from 'react';
import { RANK_LEVELS, type RankLevel } from '../../../common/cadres/cadre-enums';
import { t } from '../../../common/i18n/index';
import { type PostLevelRule, REGION_TIERS } from '../../../common/posts/post-levels';
import { UNIT_KINDS, type UnitKind } from '../../../common/units/units.schema';
import { errorMessage } from '../api/client';
import { useConfirmAction } from '../common/confirm-action.hooks';
import { ErrorState } from '../common/error-state.component';
import { PageHeader } from '../common/page-header.component';
import { usePostLevelTable, useSavePostLevels } from './post-levels.api';

const levelOptions = RANK_LEVELS.map((level) => ({ value: level, label: t(`rankLevel.${level}`) }));
const kindLabel = (kind: string) => t(`unitKind.${kind as UnitKind}`);
const tierLabel = (tier: PostLevelRule['regionTier']) => t(`regionTier.${tier}`);

/** One cell's levels, in the order chosen (the first is the most common). */
function EditLevels({ rule, onClose }: { rule: PostLevelRule; onClose: () => void }) {
  const save = useSavePostLevels();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ levels: RankLevel[] }>();
  const [failure, setFailure] = useState<string | null>(null);
  const submit = async ({ levels }: { levels: RankLevel[] }) => {
    setFailure(null);
    try {
      await save.mutateAsync({ unitKind: rule.unitKind, regionTier: rule.regionTier, levels });
      message.success(t('postLevels.saved'));
      onClose();
    } catch (error) {
      setFailure(errorMessage(error));
    }
  };
  return (
    <Modal
      open
      title={t('postLevels.editTitle', { kind: kindLabel(rule.unitKind), tier: tierLabel(rule.regionTier) })}
      okText={t('postLevels.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} /> : null}
      <Form form={form} layout="vertical" initialValues={{ levels: rule.levels }} onFinish={submit}>
        <Form.Item
          name="levels"
          label={t('postLevels.col.levels')}
          extra={t('postLevels.hint')}
          rules={[{ required: true, type: 'array', min: 1, message: t('postLevels.levelsRequired') }]}
        >
          <Select mode="multiple" options={levelOptions} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 岗位层级设置 (system administrator): which post levels each kind of unit may ask for. */
export function PostLevelsPage() {
  const table = usePostLevelTable();
  const save = useSavePostLevels();
  const confirm = useConfirmAction();
  const [editing, setEditing] = useState<PostLevelRule | null>(null);
  const [kind, setKind] = useState<UnitKind | undefined>(undefined);

  const rows = (table.data?.rules ?? []).filter((r) => !kind || r.unitKind === kind);
  const columns: TableColumnsType<PostLevelRule> = [
    {
      key: 'kind',
      title: t('postLevels.col.kind'),
      width: 140,
      render: (_, r) => kindLabel(r.unitKind),
      sorter: (a, b) => UNIT_KINDS.indexOf(a.unitKind) - UNIT_KINDS.indexOf(b.unitKind),
    },
    {
      key: 'tier',
      title: t('postLevels.col.tier'),
      width: 110,
      render: (_, r) => tierLabel(r.regionTier),
      sorter: (a, b) => REGION_TIERS.indexOf(a.regionTier) - REGION_TIERS.indexOf(b.regionTier),
    },
    {
      key: 'levels',
      title: t('postLevels.col.levels'),
      render: (_, r) => (
        <Space size={[4, 4]} wrap>
          {r.levels.map((level, i) => (
            <Tag key={level} color={i === 0 ? 'blue' : undefined}>
              {t(`rankLevel.${level}`)}
            </Tag>
          ))}
        </Space>
      ),
    },
    {
      key: 'source',
      title: t('postLevels.col.source'),
      width: 90,
      render: (_, r) =>
        r.isDefault ? t('postLevels.default') : <Tag color="orange">{t('postLevels.custom')}</Tag>,
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 170,
      render: (_, r) => (
        <Space>
          <Button size="small" onClick={() => setEditing(r)}>
            {t('postLevels.edit')}
          </Button>
          {r.isDefault ? null : (
            <Button
              size="small"
              danger
              onClick={() =>
                confirm({
                  title: t('postLevels.resetConfirm'),
                  hint: `${kindLabel(r.unitKind)} · ${tierLabel(r.regionTier)}`,
                  okText: t('postLevels.reset'),
                  run: () =>
                    save.mutateAsync({ unitKind: r.unitKind, regionTier: r.regionTier, levels: null }),
                  done: t('postLevels.saved'),
                  refused: t('postLevels.loadFailed'),
                })
              }
            >
              {t('postLevels.reset')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader title={t('postLevels.title')} />
      <Card>
        <Alert type="info" showIcon title={t('postLevels.hint')} style={{ marginBottom: 16 }} />
        {table.isError ? (
          <ErrorState
            title={t('postLevels.loadFailed')}
            error={table.error}
            onRetry={() => table.refetch()}
            retrying={table.isFetching}
          />
        ) : (
          <>
            <Select
              allowClear
              aria-label={t('postLevels.col.kind')}
              placeholder={t('postLevels.col.kind')}
              style={{ width: 200, marginBottom: 12 }}
              value={kind}
              onChange={setKind}
              options={UNIT_KINDS.map((k) => ({ value: k, label: kindLabel(k) }))}
            />
            <Table<PostLevelRule>
              rowKey={(r) => `${r.unitKind}/${r.regionTier}`}
              size="small"
              loading={table.isLoading}
              columns={columns}
              dataSource={rows}
              pagination={{ pageSize: 40, hideOnSinglePage: true }}
            />
          </>
        )}
      </Card>
      {editing ? <EditLevels rule={editing} onClose={() => setEditing(null)} /> : null}
    </>
  );
}
