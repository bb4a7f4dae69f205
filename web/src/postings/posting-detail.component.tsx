import { Button, Descriptions, Drawer, Flex, Grid, Timeline, Typography } from 'antd';
import type { ReactNode } from 'react';
import { formatTime } from '../../../common/format/date-time';
import { t } from '../../../common/i18n/index';
import { DESTRUCTIVE_MOVES, type PostingMove } from '../../../common/postings/posting-moves';
import type { PostingDetail, PostingEvent } from '../../../common/postings/postings.schema';
import { pendingState } from '../common/query-state.component';
import { ArchiveListSection } from '../documents/archive-list.component';
import { DutyList } from '../posts/post-tags.component';
import { POSTING_STATUS_COLORS, PostingStatusTag } from './posting-tags.component';
import { usePosting } from './postings.api';

const orNone = (value: ReactNode, none = t('postings.none')): ReactNode =>
  value === null || value === '' ? <Typography.Text type="secondary">{none}</Typography.Text> : value;

export interface PostingDetailDrawerProps {
  /** The posting shown; null when closed. */
  id: string | null;
  onClose: () => void;
  /** Opens a move's form. */
  onMove: (posting: PostingDetail, move: PostingMove) => void;
}

/** 挂职详情: the posting, its status timeline, and buttons for the moves the caller may make. */
export function PostingDetailDrawer({ id, onClose, onMove }: PostingDetailDrawerProps) {
  const screens = Grid.useBreakpoint();
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      title={t('postings.detailTitle')}
      size={screens.md === false ? '100%' : 620}
      destroyOnHidden
      closable={{ 'aria-label': t('common.close') }}
    >
      {id ? <PostingDetailBody id={id} onMove={onMove} /> : null}
    </Drawer>
  );
}

function PostingDetailBody({ id, onMove }: { id: string; onMove: PostingDetailDrawerProps['onMove'] }) {
  const posting = usePosting(id);
  const pending = pendingState(posting, t('postings.loadOneFailed'));
  if (pending || !posting.data) return pending;
  const p = posting.data;
  return (
    <Flex vertical gap={20}>
      <Descriptions
        bordered
        size="small"
        column={1}
        styles={{ label: { width: 120 } }}
        items={[
          {
            key: 'cadre',
            label: t('postings.col.cadre'),
            children: (
              <Flex gap={8} align="center" wrap>
                <Typography.Text strong>{p.cadreName}</Typography.Text>
                <PostingStatusTag status={p.status} />
              </Flex>
            ),
          },
          { key: 'title', label: t('postings.col.post'), children: p.title },
          { key: 'sending', label: t('postings.col.sending'), children: p.sendingUnitName },
          {
            key: 'receiving',
            label: t('postings.field.receiving'),
            children: `${p.receivingUnitName}（${p.receivingRegionName}）`,
          },
          { key: 'batch', label: t('postings.field.batch'), children: `${p.programmeName} · ${p.batchName}` },
          {
            key: 'planned',
            label: t('postings.field.planned'),
            children: t('postings.termActual', { start: p.plannedStart, end: p.plannedEnd }),
          },
          {
            key: 'start',
            label: t('postings.field.start'),
            children: orNone(p.startDate, t('postings.notYet')),
          },
          { key: 'end', label: t('postings.field.end'), children: p.endDate },
          ...(p.finishedOn
            ? [{ key: 'finished', label: t('postings.field.finished'), children: p.finishedOn }]
            : []),
          ...(p.returnedOn
            ? [{ key: 'returned', label: t('postings.field.returned'), children: p.returnedOn }]
            : []),
          { key: 'duties', label: t('field.duties'), children: <DutyList duties={p.duties} /> },
          { key: 'dutiesText', label: t('postings.field.dutiesText'), children: orNone(p.dutiesText) },
        ]}
      />
      <section aria-label={t('postings.nextSteps')}>
        <Typography.Title level={5}>{t('postings.nextSteps')}</Typography.Title>
        {p.actions.length === 0 ? (
          <Typography.Text type="secondary">{t('postings.noActions')}</Typography.Text>
        ) : (
          <Flex gap={8} wrap>
            {p.actions.map((move) => (
              <Button
                key={move}
                type={move === 'handover' ? 'primary' : 'default'}
                danger={DESTRUCTIVE_MOVES.includes(move)}
                onClick={() => onMove(p, move)}
              >
                {t(`postingMove.${move}`)}
              </Button>
            ))}
          </Flex>
        )}
      </section>
      <ArchiveListSection postingId={p.id} />
      <section aria-label={t('postings.timeline')}>
        <Typography.Title level={5}>{t('postings.timeline')}</Typography.Title>
        <Timeline
          items={p.history.map((e) => ({
            key: e.seq,
            color:
              e.to === 'terminated'
                ? 'red'
                : e.to === 'recalled'
                  ? 'orange'
                  : POSTING_STATUS_COLORS[e.to] === 'success'
                    ? 'green'
                    : 'blue',
            content: <TimelineEntry event={e} />,
          }))}
        />
      </section>
    </Flex>
  );
}

function TimelineEntry({ event: e }: { event: PostingEvent }) {
  const d = e.details;
  return (
    <Flex vertical gap={2}>
      <Flex gap={8} wrap align="baseline">
        <Typography.Text strong>{t(`postingMove.${e.kind}`)}</Typography.Text>
        <Typography.Text>{e.date}</Typography.Text>
        {e.from ? (
          <Typography.Text type="secondary">
            {t('postings.event.transition', {
              from: t(`postingStatus.${e.from}`),
              to: t(`postingStatus.${e.to}`),
            })}
          </Typography.Text>
        ) : null}
      </Flex>
      {e.reason ? <Typography.Text>{e.reason}</Typography.Text> : null}
      {d?.duties ? <DutyList duties={d.duties} /> : null}
      {d?.dutiesText ? <Typography.Text type="secondary">{d.dutiesText}</Typography.Text> : null}
      {d?.endDate && d.previousEndDate ? (
        <Typography.Text type="secondary">
          {t('postings.event.extended', {
            from: d.previousEndDate,
            to: d.endDate,
            requestedBy: d.requestedBy ? t(`postingRequester.${d.requestedBy}`) : '',
          })}
        </Typography.Text>
      ) : null}
      {d?.consultedOn ? (
        <Typography.Text type="secondary">
          {t('postings.event.consulted', {
            on: d.consultedOn,
            with: d.consultedWith ?? '',
            opinion: d.consultation ?? '',
          })}
        </Typography.Text>
      ) : null}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {e.by
          ? t('postings.event.recorded', { by: e.by, at: formatTime(e.at) })
          : t('postings.event.recordedBySystem', { at: formatTime(e.at) })}
      </Typography.Text>
    </Flex>
  );
}
