import { Flex, Modal, Select, Spin, Table, Typography } from 'antd';
import { useState } from 'react';
import { t } from '../../../common/i18n/index';
import type { Comparison, RunSummary } from '../../../common/matching/matching.schema';
import { errorMessage } from '../api/client';
import { useComparison } from './matching.api';
import { FactorTotals, signed } from './matching.utils';

type Moved = Comparison['moved'][number];
const place = (p: Moved['from']) => (p ? `${p.postTitle}（${p.score}）` : t('matching.ui.none'));

/** Two runs side by side: totals, per factor, and who moved. */
export function CompareModal({
  runs,
  current,
  onClose,
}: {
  runs: RunSummary[];
  current: RunSummary;
  onClose: () => void;
}) {
  const others = runs.filter((r) => r.id !== current.id && (r.status === 'done' || r.status === 'confirmed'));
  const [other, setOther] = useState<string | undefined>(others[0]?.id);
  const cmp = useComparison(other, current.id);
  const c = cmp.data;
  return (
    <Modal
      open
      width={960}
      onCancel={onClose}
      footer={null}
      title={c ? t('matching.ui.compareTitle', { a: c.a.seq, b: c.b.seq }) : t('matching.ui.compare')}
    >
      <Flex vertical gap={12}>
        <Select
          value={other}
          onChange={setOther}
          aria-label={t('matching.ui.compareWith')}
          placeholder={t('matching.ui.compareWith')}
          options={others.map((r) => ({
            value: r.id,
            label: t('matching.ui.runOptionShort', {
              seq: r.seq,
              status: t(`matching.runStatus.${r.status}`),
            }),
          }))}
        />
        {cmp.isError ? <Typography.Text type="danger">{errorMessage(cmp.error)}</Typography.Text> : null}
        {!c ? (
          cmp.isFetching ? (
            <Spin />
          ) : null
        ) : (
          <>
            <Typography.Text strong>
              {t('matching.ui.compareTotal', {
                a: c.a.total,
                b: c.b.total,
                delta: signed(c.totalDelta),
                pa: c.a.placed,
                pb: c.b.placed,
              })}
            </Typography.Text>
            <FactorTotals totals={c.factorDeltas} deltas />
            <Typography.Text>
              {t('matching.ui.compareMoved', { count: c.moved.length, unchanged: c.unchanged })}
            </Typography.Text>
            <Table<Moved>
              size="small"
              rowKey="nominationId"
              pagination={false}
              virtual
              scroll={{ y: 400 }}
              dataSource={c.moved}
              columns={[
                { key: 'cadre', title: t('matching.ui.col.cadre'), dataIndex: 'cadreName', width: 120 },
                { key: 'from', title: t('matching.ui.compareFrom'), render: (_, m) => place(m.from) },
                { key: 'to', title: t('matching.ui.compareTo'), render: (_, m) => place(m.to) },
                {
                  key: 'delta',
                  title: t('matching.ui.col.score'),
                  width: 80,
                  align: 'right',
                  render: (_, m) => signed(m.scoreDelta),
                },
              ]}
            />
          </>
        )}
      </Flex>
    </Modal>
  );
}
