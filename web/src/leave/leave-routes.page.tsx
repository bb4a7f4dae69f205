import { App, Button, Card, Flex, InputNumber, Select, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { RANK_LEVELS } from '../../../common/cadres/cadre-enums';
import { t } from '../../../common/i18n/index';
import { APPROVERS } from '../../../common/leave/leave-moves';
import type { RoutingRule } from '../../../common/leave/leave-routing';
import { errorMessage } from '../api/client';
import { useProgrammeSearch } from '../api/options.hooks';
import { PageHeader } from '../common/page-header.component';
import { ProgrammeSelect } from '../common/programme-select.component';
import { useLeaveRoutes, useSaveLeaveRoutes } from './leave.api';

type Row = RoutingRule & { key: number };

/**
 * 请假审批路由 (the programme's 组织部): the rules in order — up to how many working days, for which
 * levels (empty: any), who approves in which order; the first that fits a request gives its
 * chain, the last must fit every request (ADR 029).
 */
export function LeaveRoutesPage() {
  // the newest programme until the user picks one (the picker's first page, one request)
  const newest = useProgrammeSearch('');
  const [programmeId, setProgrammeId] = useState<string | null>(null);
  const chosen = programmeId ?? newest.data?.[0]?.id ?? null;
  const routes = useLeaveRoutes(chosen);
  const save = useSaveLeaveRoutes();
  const { message } = App.useApp();
  const [rows, setRows] = useState<Row[]>([]);
  useEffect(() => {
    if (routes.data) setRows(routes.data.rules.map((r, i) => ({ ...r, key: i })));
  }, [routes.data]);
  const edit = (key: number, patch: Partial<RoutingRule>) =>
    setRows((all) => all.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  const submit = async () => {
    if (!chosen || !routes.data) return;
    try {
      await save.mutateAsync({
        programmeId: chosen,
        rules: rows.map(({ key: _k, ...r }) => r),
        version: routes.data.version,
      });
      message.success(t('leave.saved'));
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  return (
    <>
      <PageHeader title={t('leaveRoutes.title')} />
      <Flex gap={12} align="center" wrap style={{ marginBottom: 16 }}>
        <span>{t('leaveRoutes.programme')}</span>
        <ProgrammeSelect
          aria-label={t('leaveRoutes.programme')}
          style={{ minWidth: 260 }}
          value={chosen}
          allowClear={false}
          onChange={(id) => setProgrammeId(id ?? null)}
        />
        {routes.data?.version === null ? (
          <Typography.Text type="secondary">{t('leaveRoutes.default')}</Typography.Text>
        ) : null}
      </Flex>
      <Card>
        <Typography.Paragraph type="secondary">{t('leaveRoutes.hint')}</Typography.Paragraph>
        <Table<Row>
          rowKey="key"
          pagination={false}
          size="small"
          scroll={{ x: true }}
          dataSource={rows}
          columns={[
            {
              key: 'upTo',
              title: t('field.upToDays'),
              render: (_: unknown, r) => (
                <InputNumber
                  aria-label={t('field.upToDays')}
                  min={0.5}
                  max={365}
                  step={0.5}
                  placeholder={t('leaveRoutes.any')}
                  value={r.upToDays}
                  onChange={(v) => edit(r.key, { upToDays: v ?? null })}
                />
              ),
            },
            {
              key: 'levels',
              title: t('leaveRoutes.levels'),
              render: (_: unknown, r) => (
                <Select
                  mode="multiple"
                  style={{ minWidth: 200 }}
                  placeholder={t('leaveRoutes.any')}
                  value={r.rankLevels ?? []}
                  onChange={(v: RoutingRule['rankLevels'] & string[]) =>
                    edit(r.key, { rankLevels: v.length ? v : null })
                  }
                  options={RANK_LEVELS.map((l) => ({ value: l, label: t(`rankLevel.${l}`) }))}
                />
              ),
            },
            {
              key: 'approvers',
              title: t('leaveRoutes.approvers'),
              render: (_: unknown, r) => (
                <Select
                  mode="multiple"
                  style={{ minWidth: 260 }}
                  value={r.approvers}
                  onChange={(v: RoutingRule['approvers']) => edit(r.key, { approvers: v })}
                  options={APPROVERS.map((a) => ({ value: a, label: t(`leaveApprover.${a}`) }))}
                />
              ),
            },
            {
              key: 'remove',
              title: '',
              render: (_: unknown, r) => (
                <Button
                  type="link"
                  danger
                  onClick={() => setRows((all) => all.filter((x) => x.key !== r.key))}
                >
                  {t('calendar.remove')}
                </Button>
              ),
            },
          ]}
        />
        <Flex gap={8} style={{ marginTop: 12 }}>
          <Button
            onClick={() =>
              setRows((all) => [
                ...all.slice(0, -1),
                { key: Date.now(), upToDays: 1, rankLevels: null, approvers: ['receiving_unit'] },
                ...all.slice(-1),
              ])
            }
          >
            {t('leaveRoutes.add')}
          </Button>
          <Button type="primary" onClick={submit} loading={save.isPending} disabled={!chosen}>
            {t('leaveRoutes.save')}
          </Button>
        </Flex>
      </Card>
    </>
  );
}
