import { LockOutlined, PlayCircleOutlined, SettingOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Empty,
  Flex,
  Input,
  List,
  Popconfirm,
  Progress,
  Row,
  Select,
  Space,
  Spin,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { t } from '../../../common/i18n/index';
import type { Assignment, Board, RunSummary } from '../../../common/matching/matching.schema';
import { useAllowed } from '../access/access.hooks';
import { errorMessage } from '../api/client';
import { BatchSelect } from '../common/batch-select.component';
import { PageHeader } from '../common/page-header.component';
import { download } from '../excel/excel.api';
import {
  exportUrl,
  useAddLock,
  useBoard,
  useCancelRun,
  useConfirmRun,
  useRemoveLock,
  useRun,
  useStartRun,
} from './matching.api';
import { FactorTotals, signed } from './matching.utils';
import { CadreDrawer } from './matching-cadre.component';
import { CompareModal } from './matching-compare.component';
import { SettingsModal } from './matching-settings.form';

type BoardPost = Board['posts'][number];
type BoardCadre = Board['cadres'][number];

/** Rows of a virtual table: antd renders only what is on screen (1 000 rows stay smooth). */
const LIST_HEIGHT = 520;

const matches = (q: string, ...texts: (string | null | undefined)[]) =>
  !q || texts.some((text) => text?.toLowerCase().includes(q.toLowerCase()));

export const runLabel = (r: RunSummary) =>
  r.status === 'done' || r.status === 'confirmed'
    ? t('matching.ui.runOption', {
        seq: r.seq,
        status: t(`matching.runStatus.${r.status}`),
        placed: r.placed ?? 0,
        places: r.places,
        total: r.total ?? 0,
      })
    : t('matching.ui.runOptionShort', { seq: r.seq, status: t(`matching.runStatus.${r.status}`) });

/**
 * 人岗匹配: the 组织部 runs the exact matching of a batch, reads each pair's reasons, pins and
 * forbids pairs, re-runs, compares runs, sees what another post would cost a cadre, confirms
 * one run (postings 拟任) and exports the 拟任名单. The batch and the run shown live in the URL.
 */
export function MatchingPage() {
  const [search, setSearch] = useSearchParams();
  const batchId = search.get('batchId') ?? undefined;
  const board = useBoard(batchId);
  const runs = board.data?.runs ?? [];
  const runId = search.get('runId') ?? runs[0]?.id;
  const run = useRun(runId);
  const allowed = useAllowed();
  const { message } = App.useApp();
  const start = useStartRun(batchId ?? '');
  const cancel = useCancelRun();
  const confirm = useConfirmRun();
  const addLock = useAddLock(batchId ?? '');
  const removeLock = useRemoveLock();
  const [q, setQ] = useState('');
  const [onlyOpen, setOnlyOpen] = useState(false);
  const [cadre, setCadre] = useState<string | null>(null);
  const [comparing, setComparing] = useState(false);
  const [settingsOpen, setSettingsOpen] = useState(false);

  const choose = (next: { batchId?: string; runId?: string }) => {
    const params = new URLSearchParams();
    const b = 'batchId' in next ? next.batchId : batchId;
    if (b) params.set('batchId', b);
    if (next.runId && b === batchId) params.set('runId', next.runId);
    setSearch(params);
  };
  const act = async <T,>(work: () => Promise<T>, done?: (r: T) => string) => {
    try {
      const r = await work();
      if (done) message.success(done(r));
      return r;
    } catch (error) {
      message.error(errorMessage(error));
      return null;
    }
  };

  const result = run.data;
  // a run finished (or was cancelled) since the board was read: read the board's run list again
  const listed = board.data?.runs.find((r) => r.id === result?.id)?.status;
  const refetchBoard = board.refetch;
  useEffect(() => {
    if (result && listed && listed !== result.status) void refetchBoard();
  }, [result, listed, refetchBoard]);
  const assignedTo = useMemo(
    () => new Map((result?.assignments ?? []).map((a) => [a.nominationId, a])),
    [result?.assignments],
  );
  const filled = useMemo(() => {
    const m = new Map<string, number>();
    for (const a of result?.assignments ?? []) m.set(a.postRequestId, (m.get(a.postRequestId) ?? 0) + 1);
    return m;
  }, [result?.assignments]);
  const pinnedOf = useMemo(
    () =>
      new Set(
        (board.data?.locks ?? [])
          .filter((l) => l.kind === 'pin')
          .map((l) => `${l.nominationId}:${l.postRequestId}`),
      ),
    [board.data?.locks],
  );

  const lock = (a: Assignment, kind: 'pin' | 'forbid') =>
    act(
      () =>
        addLock.mutateAsync({
          nominationId: a.nominationId,
          postRequestId: a.postRequestId,
          kind,
          reason: null,
        }),
      () =>
        t(kind === 'pin' ? 'matching.ui.pinDone' : 'matching.ui.forbidDone', {
          cadre: a.cadreName,
          post: a.postTitle,
        }),
    );

  const postColumns: TableColumnsType<BoardPost> = [
    {
      key: 'title',
      title: t('matching.ui.col.post'),
      render: (_, p) => (
        <Flex vertical>
          <Typography.Text strong>{p.title}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {p.unitName} · {t(`rankLevel.${p.level}`)}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'filled',
      title: t('matching.ui.col.filled'),
      width: 70,
      align: 'right',
      render: (_, p) => `${filled.get(p.postRequestId) ?? 0}/${p.headcount}`,
    },
    {
      key: 'feasible',
      title: t('matching.ui.col.feasible'),
      dataIndex: 'feasible',
      width: 56,
      align: 'right',
    },
  ];
  const cadreColumns: TableColumnsType<BoardCadre> = [
    {
      key: 'name',
      title: t('matching.ui.col.cadre'),
      render: (_, c) => (
        <Flex vertical>
          <Button
            type="link"
            size="small"
            style={{ padding: 0, height: 'auto' }}
            onClick={() => setCadre(c.nominationId)}
          >
            {c.name}
          </Button>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {c.unitName} · {t(`rankLevel.${c.rankLevel}`)}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'assigned',
      title: t('matching.ui.col.assigned'),
      render: (_, c) => {
        const a = assignedTo.get(c.nominationId);
        return a ? (
          <Typography.Text style={{ fontSize: 12 }}>{a.receivingUnitName}</Typography.Text>
        ) : result ? (
          <Tag color="warning">{t('matching.ui.none')}</Tag>
        ) : null;
      },
    },
    {
      key: 'feasible',
      title: t('matching.ui.col.feasible'),
      dataIndex: 'feasible',
      width: 56,
      align: 'right',
    },
  ];
  const canLock = allowed('matching.run');
  const assignmentColumns: TableColumnsType<Assignment> = [
    {
      key: 'pair',
      title: `${t('matching.ui.col.cadre')} → ${t('matching.ui.col.post')}`,
      width: 190,
      render: (_, a) => (
        <Flex vertical>
          <span>
            <Button
              type="link"
              size="small"
              style={{ padding: 0, height: 'auto' }}
              onClick={() => setCadre(a.nominationId)}
            >
              {a.cadreName}
            </Button>
            {a.pinned ? (
              <Tag icon={<LockOutlined aria-hidden />} color="blue" style={{ marginLeft: 6 }}>
                {t('matching.ui.pinned')}
              </Tag>
            ) : null}
          </span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {a.receivingUnitName} {a.postTitle}
          </Typography.Text>
        </Flex>
      ),
    },
    { key: 'score', title: t('matching.ui.col.score'), dataIndex: 'score', width: 64, align: 'right' },
    {
      key: 'explanation',
      title: t('matching.ui.col.explanation'),
      render: (_, a) => (
        <Flex vertical gap={2}>
          <Typography.Text style={{ fontSize: 12 }}>{a.explanation}</Typography.Text>
          {canLock ? (
            <Flex gap={0} wrap>
              {!pinnedOf.has(`${a.nominationId}:${a.postRequestId}`) ? (
                <Button type="link" size="small" onClick={() => lock(a, 'pin')}>
                  {t('matching.ui.pin')}
                </Button>
              ) : null}
              <Button type="link" size="small" danger onClick={() => lock(a, 'forbid')}>
                {t('matching.ui.forbid')}
              </Button>
              <Button type="link" size="small" onClick={() => setCadre(a.nominationId)}>
                {t('matching.ui.others')}
              </Button>
            </Flex>
          ) : null}
        </Flex>
      ),
    },
  ];

  const data = board.data;
  const posts = (data?.posts ?? []).filter(
    (p) =>
      matches(q, p.title, p.unitName, p.regionName) &&
      (!onlyOpen || (filled.get(p.postRequestId) ?? 0) < p.headcount),
  );
  const cadres = (data?.cadres ?? []).filter(
    (c) => matches(q, c.name, c.unitName, c.position) && (!onlyOpen || !assignedTo.has(c.nominationId)),
  );
  const assignments = (result?.assignments ?? []).filter((a) =>
    matches(q, a.cadreName, a.sendingUnitName, a.postTitle, a.receivingUnitName, a.explanation),
  );
  const confirmed = runs.find((r) => r.status === 'confirmed');
  const finished = result && (result.status === 'done' || result.status === 'confirmed');

  return (
    <>
      <PageHeader
        title={t('menu.matching')}
        extra={
          <>
            <BatchSelect
              value={batchId}
              onChange={(id) => choose({ batchId: id })}
              placeholder={t('matching.ui.pickBatch')}
              aria-label={t('matching.ui.pickBatch')}
              className="matching-batch"
            />
            {batchId && allowed('matching.settings') ? (
              <Button icon={<SettingOutlined aria-hidden />} onClick={() => setSettingsOpen(true)}>
                {t('matching.ui.settings')}
              </Button>
            ) : null}
            {batchId && allowed('matching.run') ? (
              <Button
                type="primary"
                icon={<PlayCircleOutlined aria-hidden />}
                loading={start.isPending}
                disabled={result?.status === 'running'}
                onClick={async () => {
                  const r = await act(() => start.mutateAsync(undefined));
                  if (r) choose({ runId: r.id });
                }}
              >
                {runs.length ? t('matching.ui.rerun') : t('matching.ui.run')}
              </Button>
            ) : null}
          </>
        }
      />
      {!batchId ? (
        <Card>
          <Empty description={t('matching.ui.pickBatchHint')} />
        </Card>
      ) : board.isError ? (
        <Alert
          type="error"
          showIcon
          message={t('matching.ui.loadFailed')}
          description={errorMessage(board.error)}
        />
      ) : !data ? (
        <Spin />
      ) : (
        <Flex vertical gap={12}>
          <Card size="small">
            <Flex gap={12} wrap align="center">
              {runs.length ? (
                <Select
                  style={{ minWidth: 360 }}
                  value={runId}
                  aria-label={t('matching.ui.runOptionShort', { seq: '', status: '' })}
                  onChange={(id) => choose({ runId: id })}
                  options={runs.map((r) => ({ value: r.id, label: runLabel(r) }))}
                />
              ) : (
                <Typography.Text type="secondary">{t('matching.ui.noRun')}</Typography.Text>
              )}
              {result?.status === 'running' ? (
                <Flex gap={8} align="center">
                  <span>{t('matching.ui.running', { seq: result.seq })}</span>
                  <Progress percent={Math.round(result.progress * 100)} size="small" style={{ width: 160 }} />
                  <Button size="small" onClick={() => act(() => cancel.mutateAsync(result.id))}>
                    {t('matching.ui.cancel')}
                  </Button>
                </Flex>
              ) : null}
              {finished ? (
                <>
                  <Typography.Text strong>
                    {t('matching.ui.summary', {
                      placed: result.placed ?? 0,
                      cadres: result.cadreCount,
                      places: result.places,
                      total: result.total ?? 0,
                    })}
                  </Typography.Text>
                  <FactorTotals totals={result.factorTotals ?? {}} />
                  {runs.filter((r) => r.status === 'done' || r.status === 'confirmed').length > 1 ? (
                    <Button onClick={() => setComparing(true)}>{t('matching.ui.compare')}</Button>
                  ) : null}
                  {result.status === 'done' && !confirmed && allowed('matching.confirm') ? (
                    <Popconfirm
                      title={t('matching.ui.confirmTitle', { seq: result.seq })}
                      description={t('matching.ui.confirmHint', { count: result.assignments.length })}
                      okText={t('matching.ui.confirm')}
                      cancelText={t('common.cancel')}
                      onConfirm={() =>
                        act(
                          () => confirm.mutateAsync({ id: result.id, version: result.version }),
                          (r) => t('matching.ui.confirmed', { count: r.postingIds.length }),
                        )
                      }
                    >
                      <Button type="primary">{t('matching.ui.confirm')}</Button>
                    </Popconfirm>
                  ) : null}
                  {result.status === 'confirmed' ? (
                    <Button onClick={() => download(exportUrl(result.id))}>{t('matching.ui.export')}</Button>
                  ) : null}
                </>
              ) : null}
              {result?.status === 'failed' ? <Alert type="error" showIcon message={result.error} /> : null}
            </Flex>
          </Card>
          <Flex gap={12} wrap align="center">
            <Input.Search
              allowClear
              style={{ maxWidth: 320 }}
              placeholder={t('matching.ui.search')}
              aria-label={t('matching.ui.search')}
              onChange={(e) => setQ(e.target.value)}
              onSearch={setQ}
            />
            <Checkbox checked={onlyOpen} onChange={(e) => setOnlyOpen(e.target.checked)}>
              {t('matching.ui.onlyOpen')}
            </Checkbox>
            {data.locks.length ? (
              <Space size={[4, 4]} wrap aria-label={t('matching.ui.locks', { count: data.locks.length })}>
                {data.locks.map((l) => (
                  <Tag
                    key={l.id}
                    color={l.kind === 'pin' ? 'blue' : 'red'}
                    closable={allowed('matching.run')}
                    onClose={(e) => {
                      e.preventDefault();
                      void act(() => removeLock.mutateAsync(l.id));
                    }}
                  >
                    {t(l.kind === 'pin' ? 'matching.ui.lockPin' : 'matching.ui.lockForbid', {
                      cadre: l.cadreName,
                      unit: l.unitName,
                      post: l.postTitle,
                    })}
                  </Tag>
                ))}
              </Space>
            ) : null}
          </Flex>
          <Row gutter={12}>
            <Col xs={24} xl={5}>
              <Card size="small" title={t('matching.ui.posts', { count: posts.length })}>
                <Table<BoardPost>
                  virtual
                  size="small"
                  rowKey="postRequestId"
                  columns={postColumns}
                  dataSource={posts}
                  pagination={false}
                  scroll={{ y: LIST_HEIGHT }}
                />
              </Card>
            </Col>
            <Col xs={24} xl={13}>
              <Card size="small" title={t('matching.ui.assignments', { count: assignments.length })}>
                <Table<Assignment>
                  virtual
                  size="small"
                  rowKey="nominationId"
                  columns={assignmentColumns}
                  dataSource={assignments}
                  pagination={false}
                  scroll={{ y: LIST_HEIGHT }}
                  locale={{ emptyText: runs.length ? undefined : t('matching.ui.noRun') }}
                />
              </Card>
            </Col>
            <Col xs={24} xl={6}>
              <Card size="small" title={t('matching.ui.cadres', { count: cadres.length })}>
                <Table<BoardCadre>
                  virtual
                  size="small"
                  rowKey="nominationId"
                  columns={cadreColumns}
                  dataSource={cadres}
                  pagination={false}
                  scroll={{ y: LIST_HEIGHT }}
                />
              </Card>
            </Col>
          </Row>
          {finished ? (
            <Card size="small" title={t('matching.ui.unmatched', { count: result.unmatched.length })}>
              {result.unmatched.length ? (
                <List
                  size="small"
                  dataSource={result.unmatched}
                  renderItem={(u) => (
                    <List.Item>
                      <Flex gap={8} wrap align="baseline">
                        <Typography.Text strong>{u.name}</Typography.Text>
                        {u.gap !== null ? <Tag>{signed(-u.gap)}</Tag> : null}
                        <Typography.Text>{u.text}</Typography.Text>
                      </Flex>
                    </List.Item>
                  )}
                />
              ) : (
                <Typography.Text type="secondary">{t('matching.ui.unmatchedNone')}</Typography.Text>
              )}
            </Card>
          ) : null}
        </Flex>
      )}
      {batchId ? (
        <CadreDrawer
          batchId={batchId}
          run={finished ? result : undefined}
          nominationId={cadre}
          canLock={allowed('matching.run')}
          onClose={() => setCadre(null)}
        />
      ) : null}
      {comparing && result ? (
        <CompareModal runs={runs} current={result} onClose={() => setComparing(false)} />
      ) : null}
      {settingsOpen && data ? (
        <SettingsModal
          batchId={data.batch.id}
          settings={data.settings}
          onClose={() => setSettingsOpen(false)}
        />
      ) : null}
    </>
  );
}
