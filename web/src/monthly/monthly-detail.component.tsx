import {
  App,
  Button,
  Descriptions,
  Drawer,
  Flex,
  Grid,
  Input,
  List,
  Modal,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { formatTime } from '../../../common/format/date-time';
import { type MessageKey, t } from '../../../common/i18n/index';
import type { MonthlyDetail } from '../../../common/monthly/monthly.schema';
import type { MonthlyStatus } from '../../../common/monthly/monthly-moves';
import { errorMessage } from '../api/client';
import { pendingState } from '../common/query-state.component';
import { DocumentViewer } from '../documents/document-viewer.component';
import {
  type MonthlyMove,
  monthlyDocumentPath,
  useMonthly,
  useMonthlyMove,
  useSaveMonthly,
} from './monthly.api';

const COLOURS: Record<MonthlyStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  signed: 'success',
  returned: 'warning',
};

export const MonthlyStatusTag = ({ status }: { status: MonthlyStatus }) => (
  <Tag color={COLOURS[status]}>{t(`monthlyStatus.${status}`)}</Tag>
);

/** 月度情况报送详情: the report's sections, what the caller may do, its document and its versions. */
export function MonthlyDetailDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const screens = Grid.useBreakpoint();
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      title={t('monthly.detailTitle')}
      size={screens.md === false ? '100%' : 760}
      destroyOnHidden
      closable={{ 'aria-label': t('common.close') }}
    >
      {id ? <MonthlyDetailBody id={id} /> : null}
    </Drawer>
  );
}

const Heading = ({ children }: { children: string }) => (
  <Typography.Title level={5} style={{ marginTop: 16 }}>
    {children}
  </Typography.Title>
);

/** The generated parts (一 to 四), worded as the document words them. */
function Facts({ r }: { r: MonthlyDetail }) {
  const f = r.facts;
  return (
    <section aria-label={t('monthly.tab.report')}>
      <Heading>{t('monthly.doc.h1')}</Heading>
      <Typography.Paragraph>
        {t('monthly.doc.posting', {
          cadre: r.cadreName,
          sending: f.sendingUnitName,
          receiving: f.receivingUnitName,
          post: f.postTitle,
          duties: f.duties || t('monthly.doc.none'),
        })}
      </Typography.Paragraph>
      <Heading>{t('monthly.doc.h2')}</Heading>
      <Typography.Paragraph>{t('monthly.doc.attendance', f.attendance)}</Typography.Paragraph>
      <Heading>{t('monthly.doc.h3')}</Heading>
      {f.work.length === 0 ? <Typography.Paragraph>{t('monthly.doc.noWork')}</Typography.Paragraph> : null}
      {f.work.map((w) => (
        <div key={w.category}>
          <Typography.Text strong>
            {t('monthly.workEntries', {
              category: t(`worklogCategory.${w.category}` as MessageKey),
              count: w.entries.length,
            })}
          </Typography.Text>
          <ul>
            {w.entries.map((e) => (
              <li key={`${e.date}${e.title}`}>
                {e.date} {e.title}
              </li>
            ))}
          </ul>
        </div>
      ))}
      <Heading>{t('monthly.doc.h4')}</Heading>
      {f.achievements.length === 0 ? (
        <Typography.Paragraph>{t('monthly.doc.noAchievements')}</Typography.Paragraph>
      ) : (
        <ul>
          {f.achievements.map((a) => (
            <li key={`${a.date}${a.title}`}>
              {t('monthly.achievementLine', {
                date: a.date,
                kind: t(`achievementKind.${a.kind}` as MessageKey),
                title: a.title,
                amount: a.amount ? ` ${a.amount}` : '',
                status: t(`achievementStatus.${a.status}` as MessageKey),
              })}
            </li>
          ))}
        </ul>
      )}
      {f.totals.map((line) => (
        <Typography.Paragraph key={`${line.kind}${line.dimension ?? ''}`}>
          {t('monthly.doc.totalLine', {
            kind: t(`achievementKind.${line.kind}` as MessageKey),
            verified: line.verifiedDisplay ?? String(line.verifiedCount),
            verifiedCount: line.verifiedCount,
            claimed: line.claimedDisplay ?? String(line.claimedCount),
            claimedCount: line.claimedCount,
          })}
        </Typography.Paragraph>
      ))}
    </section>
  );
}

/** 五、六: the cadre's own parts, editable while the report is a draft or returned. */
function Written({ r, editable }: { r: MonthlyDetail; editable: boolean }) {
  const { message, modal } = App.useApp();
  const save = useSaveMonthly();
  const move = useMonthlyMove();
  const [summary, setSummary] = useState(r.summary ?? '');
  const [plan, setPlan] = useState(r.plan ?? '');
  const dirty = summary !== (r.summary ?? '') || plan !== (r.plan ?? '');
  const text = (v: string) => (v.trim() ? v : null);
  if (!editable)
    return (
      <>
        <Heading>{t('monthly.doc.h5')}</Heading>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>
          {r.summary || t('monthly.doc.none')}
        </Typography.Paragraph>
        <Heading>{t('monthly.doc.h6')}</Heading>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="monthly-plan">
          {r.plan || t('monthly.doc.none')}
        </Typography.Paragraph>
      </>
    );
  const onSave = async () => {
    try {
      await save.mutateAsync({ id: r.id, summary: text(summary), plan: text(plan), version: r.version });
      message.success(t('monthly.saved'));
    } catch (error) {
      message.error(errorMessage(error));
    }
  };
  const onSubmit = () => {
    if (dirty) {
      message.warning(t('monthly.unsavedFirst'));
      return;
    }
    modal.confirm({
      title: t('monthlyAction.submit'),
      content: t('monthly.submitConfirm'),
      okText: t('monthlyAction.submit'),
      cancelText: t('common.cancel'),
      onOk: () =>
        move
          .mutateAsync({ id: r.id, version: r.version, move: 'submit' })
          .then(() => message.success(t('monthly.done', { action: t('monthlyAction.submit') })))
          .catch((error) => message.error(errorMessage(error))),
    });
  };
  return (
    <>
      <Heading>{t('monthly.doc.h5')}</Heading>
      <Input.TextArea
        aria-label={t('monthly.summary')}
        value={summary}
        onChange={(e) => setSummary(e.target.value)}
        maxLength={5000}
        autoSize={{ minRows: 3, maxRows: 10 }}
      />
      <Heading>{t('monthly.doc.h6')}</Heading>
      <Input.TextArea
        aria-label={t('monthly.plan')}
        value={plan}
        onChange={(e) => setPlan(e.target.value)}
        maxLength={5000}
        autoSize={{ minRows: 3, maxRows: 10 }}
      />
      <Flex gap={8} style={{ marginTop: 12 }} wrap>
        <Button onClick={onSave} loading={save.isPending} disabled={!dirty}>
          {t('monthly.save')}
        </Button>
        {r.actions.includes('submit') ? (
          <Button type="primary" onClick={onSubmit} loading={move.isPending}>
            {t('monthlyAction.submit')}
          </Button>
        ) : null}
      </Flex>
    </>
  );
}

/** 签收 (confirmed) and 退回 (a comment required, said in Chinese before anything is sent). */
function Review({ r }: { r: MonthlyDetail }) {
  const { message, modal } = App.useApp();
  const move = useMonthlyMove();
  const [returning, setReturning] = useState(false);
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);
  const run = async (name: MonthlyMove, extra: string | null) => {
    try {
      await move.mutateAsync({ id: r.id, version: r.version, move: name, comment: extra });
      message.success(t('monthly.done', { action: t(`monthlyAction.${name}`) }));
      return true;
    } catch (error) {
      message.error(errorMessage(error));
      return false;
    }
  };
  const names = { cadre: r.cadreName, month: r.month };
  return (
    <Flex gap={8} wrap>
      {r.actions.includes('sign') ? (
        <Button
          type="primary"
          loading={move.isPending}
          onClick={() =>
            modal.confirm({
              title: t('monthlyAction.sign'),
              content: t('monthly.signConfirm', names),
              okText: t('monthlyAction.sign'),
              cancelText: t('common.cancel'),
              onOk: () => run('sign', null),
            })
          }
        >
          {t('monthlyAction.sign')}
        </Button>
      ) : null}
      {r.actions.includes('return') ? (
        <Button danger onClick={() => setReturning(true)}>
          {t('monthlyAction.return')}
        </Button>
      ) : null}
      <Modal
        open={returning}
        title={t('monthly.returnTitle', names)}
        okText={t('monthlyAction.return')}
        okButtonProps={{ danger: true }}
        cancelText={t('common.cancel')}
        confirmLoading={move.isPending}
        onCancel={() => setReturning(false)}
        onOk={async () => {
          if (!comment.trim()) {
            setMissing(true);
            return;
          }
          if (await run('return', comment.trim())) {
            setReturning(false);
            setComment('');
          }
        }}
        destroyOnHidden
      >
        <Typography.Paragraph>{t('monthly.commentLabel')}</Typography.Paragraph>
        <Input.TextArea
          aria-label={t('monthly.commentLabel')}
          value={comment}
          status={missing ? 'error' : undefined}
          onChange={(e) => {
            setComment(e.target.value);
            setMissing(false);
          }}
          maxLength={500}
          autoSize={{ minRows: 2, maxRows: 5 }}
        />
        {missing ? <Typography.Text type="danger">{t('monthly.returnNeedsComment')}</Typography.Text> : null}
      </Modal>
    </Flex>
  );
}

function Versions({ r }: { r: MonthlyDetail }) {
  return (
    <List
      dataSource={r.versions}
      locale={{ emptyText: t('monthly.noVersions') }}
      renderItem={(v) => (
        <List.Item style={{ display: 'block' }}>
          <Flex justify="space-between" wrap gap={4}>
            <Typography.Text strong>
              {t('monthly.version', { seq: v.seq, status: t(`monthlyStatus.${v.status}`) })}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('monthly.versionBy', { by: v.by ?? '', at: formatTime(v.at) })}
            </Typography.Text>
          </Flex>
          <Typography.Paragraph
            type="secondary"
            ellipsis={{ rows: 2, expandable: true }}
            style={{ margin: 0 }}
          >
            {t('monthly.plan')}：{v.plan || t('monthly.doc.none')}
          </Typography.Paragraph>
        </List.Item>
      )}
    />
  );
}

function MonthlyDetailBody({ id }: { id: string }) {
  const report = useMonthly(id);
  const pending = pendingState(report, t('monthly.loadFailed'));
  if (pending || !report.data) return pending;
  const r = report.data;
  return (
    <Flex vertical gap={12}>
      <Descriptions
        bordered
        size="small"
        column={1}
        styles={{ label: { width: 110 } }}
        items={[
          {
            key: 'who',
            label: t('monthly.col.cadre'),
            children: (
              <Flex gap={8} align="center" wrap>
                <Typography.Text strong>{r.cadreName}</Typography.Text>
                <MonthlyStatusTag status={r.status} />
              </Flex>
            ),
          },
          { key: 'month', label: t('monthly.col.month'), children: r.month },
          {
            key: 'post',
            label: t('monthly.col.post'),
            children: `${r.receivingUnitName} · ${r.postingTitle}`,
          },
          ...(r.reviewComment
            ? [{ key: 'comment', label: t('monthly.reviewComment'), children: r.reviewComment }]
            : []),
        ]}
      />
      <Review r={r} />
      <Tabs
        destroyOnHidden
        items={[
          {
            key: 'report',
            label: t('monthly.tab.report'),
            children: (
              <>
                <Facts r={r} />
                <Written key={r.version} r={r} editable={r.actions.includes('update')} />
              </>
            ),
          },
          {
            key: 'preview',
            label: t('monthly.tab.preview'),
            children: <DocumentViewer key={r.version} path={monthlyDocumentPath(r.id)} />,
          },
          { key: 'versions', label: t('monthly.tab.versions'), children: <Versions r={r} /> },
        ]}
      />
    </Flex>
  );
}
