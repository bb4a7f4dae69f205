import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  QRCode,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import type { IssuedCodes, RoundDetail, Subject } from '../../../common/assessment/assessment.schema';
import { FINAL_GRADES, ROUND_MOVES, VOTE_GRADES } from '../../../common/assessment/assessment-moves';
import { t } from '../../../common/i18n/index';
import { movesFrom } from '../../../common/status/status-moves';
import { errorMessage } from '../api/client';
import { PageHeader } from '../common/page-header.component';
import { pendingState } from '../common/query-state.component';
import { download } from '../excel/excel.api';
import {
  honoursUrl,
  issueCodes,
  registrationUrl,
  resultsListUrl,
  statsExportUrl,
  useAssessmentWrite,
  useRound,
  useStats,
} from './assessment.api';
import { roundStatusTag } from './assessment.page';

const grade = (g: string | null) => (g ? t(`grade.${g as 'excellent'}`) : '—');
const gradeOptions = (list: readonly string[]) => list.map((g) => ({ value: g, label: grade(g) }));

/** A round: covered postings, inputs, proposals, grades with reasons, the cap shown live, the moves. */
export function RoundDetailPage() {
  const id = useParams().id ?? null;
  const round = useRound(id);
  const pending = pendingState(round, t('assessment.ui.loadFailed'));
  if (pending || !round.data) return pending;
  return <RoundView round={round.data} />;
}

function RoundView({ round }: { round: RoundDetail }) {
  const { message, modal } = App.useApp();
  const write = useAssessmentWrite();
  const manage = round.actions.includes('manage');
  const [editing, setEditing] = useState<{ subject: Subject; what: string } | null>(null);
  const [slips, setSlips] = useState<IssuedCodes | null>(null);
  const next = movesFrom(ROUND_MOVES, round.status)[0];

  const move = () => {
    if (!next) return;
    let reason = '';
    modal.confirm({
      title: t('assessment.ui.moveTitle', { to: t(`roundStatus.${next}`) }),
      content: (
        <Space direction="vertical" style={{ width: '100%' }}>
          {next === 'published' ? <Typography.Text>{t('assessment.ui.publishHint')}</Typography.Text> : null}
          <Input.TextArea
            aria-label={t('assessment.ui.reason')}
            placeholder={t('assessment.ui.reason')}
            onChange={(e) => {
              reason = e.target.value;
            }}
          />
        </Space>
      ),
      okText: t('assessment.ui.confirm'),
      cancelText: t('assessment.ui.cancel'),
      onOk: async () => {
        try {
          await write.mutateAsync({
            method: 'POST',
            path: `/api/assessment/rounds/${round.id}/move`,
            body: { to: next, reason, version: round.version },
          });
          message.success(t('assessment.ui.moved'));
        } catch (error) {
          modal.error({ title: t('assessment.ui.refused'), content: errorMessage(error) });
        }
      },
    });
  };

  const columns: TableColumnsType<Subject> = [
    { key: 'cadre', dataIndex: 'cadreName', title: t('assessment.ui.cadre'), fixed: 'left' },
    {
      key: 'post',
      title: t('assessment.ui.post'),
      render: (_: unknown, s) => `${s.receivingUnitName} ${s.postingTitle}`,
    },
    { key: 'sending', dataIndex: 'sendingUnitName', title: t('assessment.ui.sendingUnit') },
    {
      key: 'self',
      title: t('assessment.ui.selfReport'),
      render: (_: unknown, s) => (s.selfReport ? t('assessment.ui.done') : t('assessment.ui.missing')),
    },
    { key: 'rg', title: t('component.receiving'), render: (_: unknown, s) => grade(s.receivingGrade) },
    { key: 'sg', title: t('component.sending'), render: (_: unknown, s) => grade(s.sendingGrade) },
    {
      key: 'dem',
      title: t('component.democratic'),
      render: (_: unknown, s) =>
        s.democratic
          ? VOTE_GRADES.map((g) => `${grade(g)} ${s.democratic?.[g]}`).join(' / ')
          : s.ballots !== null
            ? t('assessment.ui.ballotsHidden', { n: s.ballots })
            : '—',
    },
    {
      key: 'leave',
      title: t('assessment.ui.leave'),
      render: (_: unknown, s) =>
        s.leaveDays === null
          ? '—'
          : t('assessment.ui.leaveDays', { days: s.leaveDays, period: s.periodDays ?? 0 }),
    },
    {
      key: 'proposal',
      title: t('assessment.ui.proposal'),
      render: (_: unknown, s) =>
        s.proposal.grade ? (
          <span title={s.proposal.because ? t(`proposalBecause.${s.proposal.because}`) : ''}>
            {grade(s.proposal.grade)}
            {s.proposal.score !== null ? `（${s.proposal.score}）` : ''}
          </span>
        ) : (
          '—'
        ),
    },
    {
      key: 'final',
      title: t('assessment.ui.final'),
      render: (_: unknown, s) => <strong>{grade(s.finalGrade)}</strong>,
    },
    {
      key: 'actions',
      title: '',
      render: (_: unknown, s) => (
        <Space wrap>
          <Button size="small" onClick={() => download(registrationUrl(round.id, s.postingId))}>
            {t('assessment.ui.registrationForm')}
          </Button>
          {s.actions.includes('opinion.receiving') ? (
            <Button size="small" onClick={() => setEditing({ subject: s, what: 'receiving' })}>
              {t('assessment.ui.receivingOpinion')}
            </Button>
          ) : null}
          {s.actions.includes('opinion.sending') ? (
            <Button size="small" onClick={() => setEditing({ subject: s, what: 'sending' })}>
              {t('assessment.ui.sendingOpinion')}
            </Button>
          ) : null}
          {s.actions.includes('tally') ? (
            <Button size="small" onClick={() => setEditing({ subject: s, what: 'tally' })}>
              {t('assessment.ui.paperTally')}
            </Button>
          ) : null}
          {s.actions.includes('decide') || s.actions.includes('mark') ? (
            <Button
              size="small"
              type="primary"
              onClick={() => setEditing({ subject: s, what: 'decide' })}
              aria-label={`${t('assessment.ui.decide')} ${s.cadreName}`}
            >
              {t('assessment.ui.decide')}
            </Button>
          ) : null}
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={round.title}
        extra={
          <Space wrap>
            {roundStatusTag(round.status)}
            {manage && next ? (
              <Button type="primary" onClick={move}>
                {t('assessment.ui.moveTo', { to: t(`roundStatus.${next}`) })}
              </Button>
            ) : null}
            {manage ? (
              <Button onClick={() => download(statsExportUrl(round.id))}>
                {t('assessment.ui.exportStats')}
              </Button>
            ) : null}
            {round.subjects.length > 0 ? (
              <Button onClick={() => download(resultsListUrl(round.id, 'docx'))}>
                {t('assessment.ui.resultsDocx')}
              </Button>
            ) : null}
            {round.subjects.length > 0 ? (
              <Button onClick={() => download(resultsListUrl(round.id, 'xlsx'))}>
                {t('assessment.ui.resultsXlsx')}
              </Button>
            ) : null}
            {manage ? (
              <Button onClick={() => download(honoursUrl(round.batchId))}>
                {t('assessment.ui.honours')}
              </Button>
            ) : null}
          </Space>
        }
      />
      <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('assessment.ui.kind')}>{t(`roundKind.${round.kind}`)}</Descriptions.Item>
        <Descriptions.Item
          label={t('assessment.ui.batch')}
        >{`${round.programmeName} ${round.batchName}`}</Descriptions.Item>
        <Descriptions.Item
          label={t('assessment.ui.period')}
        >{`${round.periodFrom} — ${round.periodTo}`}</Descriptions.Item>
        <Descriptions.Item label={t('assessment.ui.weights')}>
          {`${t('component.receiving')} ${round.weights.receiving}% · ${t('component.democratic')} ${round.weights.democratic}% · ${t('component.sending')} ${round.weights.sending}%`}
        </Descriptions.Item>
      </Descriptions>
      {round.quota ? (
        <Alert
          style={{ marginBottom: 12 }}
          type={round.quota.ok ? 'info' : 'warning'}
          showIcon
          title={t('assessment.ui.quota', {
            graded: round.quota.graded,
            cap: round.quota.cap,
            excellent: round.quota.excellent,
            pct: round.quota.pct,
          })}
        />
      ) : null}
      {round.ballotUnits.map((u) => (
        <IssueCodes key={u.unitId} roundId={round.id} unit={u} onIssued={setSlips} />
      ))}
      {round.status === 'preparing' && manage ? (
        <Card
          size="small"
          title={t('assessment.ui.covered', { n: round.covered.length })}
          style={{ marginBottom: 12 }}
        >
          <Table
            rowKey="postingId"
            size="small"
            pagination={false}
            dataSource={round.covered}
            locale={{ emptyText: t('assessment.ui.noneCovered') }}
            columns={[
              { key: 'c', dataIndex: 'cadreName', title: t('assessment.ui.cadre') },
              {
                key: 'p',
                title: t('assessment.ui.post'),
                render: (_: unknown, c) => `${c.receivingUnitName} ${c.postingTitle}`,
              },
              { key: 's', dataIndex: 'sendingUnitName', title: t('assessment.ui.sendingUnit') },
              {
                key: 'd',
                title: t('assessment.ui.period'),
                render: (_: unknown, c) => `${c.startDate} — ${c.endDate}`,
              },
            ]}
          />
        </Card>
      ) : null}
      {round.status !== 'preparing' ? (
        <Table<Subject>
          rowKey="id"
          columns={columns}
          dataSource={round.subjects}
          scroll={{ x: true }}
          locale={{ emptyText: t('assessment.ui.noSubjects') }}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
        />
      ) : null}
      {manage && round.status === 'published' ? <StatsCard roundId={round.id} /> : null}
      <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
        {t('assessment.ui.history')}：
        {round.history
          .map((h) => `${t(`roundStatus.${h.to}`)}（${h.at.slice(0, 10)}${h.reason ? `，${h.reason}` : ''}）`)
          .join(' → ')}
      </Typography.Paragraph>
      {editing ? (
        <SubjectModal
          round={round}
          subject={editing.subject}
          what={editing.what}
          onClose={() => setEditing(null)}
        />
      ) : null}
      <SlipsModal slips={slips} onClose={() => setSlips(null)} />
    </>
  );
}

function IssueCodes({
  roundId,
  unit,
  onIssued,
}: {
  roundId: string;
  unit: { unitId: string; unitName: string };
  onIssued: (c: IssuedCodes) => void;
}) {
  const [count, setCount] = useState<number | null>(10);
  const [busy, setBusy] = useState(false);
  const { message } = App.useApp();
  return (
    <Card
      size="small"
      style={{ marginBottom: 12 }}
      title={t('assessment.ui.ballotsFor', { unit: unit.unitName })}
    >
      <Space wrap>
        <InputNumber
          aria-label={t('assessment.ui.codeCount')}
          min={1}
          max={500}
          value={count}
          onChange={setCount}
        />
        <Button
          loading={busy}
          onClick={async () => {
            setBusy(true);
            try {
              onIssued(await issueCodes(roundId, unit.unitId, count ?? 1));
            } catch (error) {
              message.error(errorMessage(error));
            } finally {
              setBusy(false);
            }
          }}
        >
          {t('assessment.ui.issueCodes')}
        </Button>
        <Typography.Text type="secondary">{t('assessment.ui.codesHint')}</Typography.Text>
      </Space>
    </Card>
  );
}

/** The printable slips: one QR code (the ballot page's link) and the typed code per slip. */
function SlipsModal({ slips, onClose }: { slips: IssuedCodes | null; onClose: () => void }) {
  const link = (code: string) => `${window.location.origin}/ballot/${code}`;
  return (
    <Modal
      open={Boolean(slips)}
      width={820}
      title={t('assessment.ui.slips')}
      onCancel={onClose}
      footer={<Button onClick={() => window.print()}>{t('assessment.ui.print')}</Button>}
    >
      <Flex wrap gap={12} className="ballot-slips">
        {slips?.codes.map((code) => (
          <Card key={code} size="small" style={{ width: 240 }} data-testid="ballot-slip">
            <Typography.Text strong>{slips.roundTitle}</Typography.Text>
            <div>{slips.unitName}</div>
            <QRCode value={link(code)} size={140} />
            <Typography.Text code copyable data-code={code}>
              {code}
            </Typography.Text>
          </Card>
        ))}
      </Flex>
    </Modal>
  );
}

function SubjectModal({
  round,
  subject,
  what,
  onClose,
}: {
  round: RoundDetail;
  subject: Subject;
  what: string;
  onClose: () => void;
}) {
  const [form] = Form.useForm();
  const write = useAssessmentWrite();
  const { message } = App.useApp();
  const path = `/api/assessment/subjects/${subject.id}`;
  const submit = async () => {
    const v = await form.validateFields();
    const call =
      what === 'tally'
        ? { method: 'PUT' as const, path: `${path}/paper-tally`, body: { ...v, version: subject.version } }
        : what === 'decide'
          ? {
              method: 'PUT' as const,
              path: `${path}/decision`,
              body: {
                grade: v.grade ?? null,
                reason: v.reason ?? null,
                undeterminedMark: v.undeterminedMark ?? null,
                version: subject.version,
              },
            }
          : {
              method: 'PUT' as const,
              path: `${path}/opinion`,
              body: { side: what, opinion: v.opinion, grade: v.grade, version: subject.version },
            };
    try {
      await write.mutateAsync(call);
      message.success(t('assessment.ui.saved'));
      onClose();
    } catch (error) {
      form.setFields([
        {
          name: what === 'decide' ? 'reason' : what === 'tally' ? 'excellent' : 'opinion',
          errors: [errorMessage(error)],
        },
      ]);
    }
  };
  const title = {
    receiving: t('assessment.ui.receivingOpinion'),
    sending: t('assessment.ui.sendingOpinion'),
    tally: t('assessment.ui.paperTally'),
    decide: t('assessment.ui.decide'),
  }[what];
  return (
    <Modal
      open
      title={`${title} · ${subject.cadreName}`}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={write.isPending}
      okText={t('assessment.ui.save')}
      cancelText={t('assessment.ui.cancel')}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={
          what === 'decide'
            ? {
                grade: subject.finalGrade ?? subject.proposal.grade ?? undefined,
                reason: subject.finalReason,
                undeterminedMark: subject.undeterminedMark,
              }
            : what === 'tally'
              ? { excellent: 0, competent: 0, basically_competent: 0, incompetent: 0, ...subject.paperTally }
              : {
                  opinion: what === 'receiving' ? subject.receivingOpinion : subject.sendingOpinion,
                  grade: what === 'receiving' ? subject.receivingGrade : subject.sendingGrade,
                }
        }
      >
        {what === 'tally'
          ? VOTE_GRADES.map((g) => (
              <Form.Item key={g} name={g} label={grade(g)}>
                <InputNumber min={0} max={10000} />
              </Form.Item>
            ))
          : null}
        {what === 'receiving' || what === 'sending' ? (
          <>
            <Form.Item
              name="opinion"
              label={t('assessment.ui.opinion')}
              rules={[{ required: true, min: 2, message: t('assessment.ui.required') }]}
            >
              <Input.TextArea rows={4} maxLength={5000} />
            </Form.Item>
            <Form.Item
              name="grade"
              label={t('assessment.ui.proposedGrade')}
              rules={[{ required: true, message: t('assessment.ui.required') }]}
            >
              <Select options={gradeOptions(VOTE_GRADES)} />
            </Form.Item>
          </>
        ) : null}
        {what === 'decide' ? (
          <>
            {subject.proposal.grade ? (
              <Alert
                style={{ marginBottom: 12 }}
                type="info"
                showIcon
                title={t('assessment.ui.proposalIs', {
                  grade: grade(subject.proposal.grade),
                  because: subject.proposal.because ? t(`proposalBecause.${subject.proposal.because}`) : '',
                })}
              />
            ) : null}
            <Form.Item name="undeterminedMark" label={t('assessment.ui.mark')}>
              <Input maxLength={200} placeholder={t('assessment.ui.markHint')} />
            </Form.Item>
            {round.status === 'grading' ? (
              <Form.Item name="grade" label={t('assessment.ui.final')}>
                <Select allowClear options={gradeOptions(FINAL_GRADES)} />
              </Form.Item>
            ) : null}
            <Form.Item name="reason" label={t('assessment.ui.reason')} extra={t('assessment.ui.reasonHint')}>
              <Input.TextArea rows={3} maxLength={1000} />
            </Form.Item>
          </>
        ) : null}
      </Form>
    </Modal>
  );
}

function StatsCard({ roundId }: { roundId: string }) {
  const stats = useStats(roundId);
  if (!stats.data) return null;
  const rows = (list: { name: string; counts: Record<string, number> }[]) =>
    list.map(
      (r) =>
        `${r.name}：${FINAL_GRADES.filter((g) => r.counts[g])
          .map((g) => `${grade(g)} ${r.counts[g]}`)
          .join('，')}`,
    );
  return (
    <Card size="small" title={t('assessment.ui.stats')} style={{ marginTop: 12 }}>
      <Typography.Paragraph>
        {rows([{ name: t('assessment.stats.total'), counts: stats.data.total }])}
      </Typography.Paragraph>
      <Typography.Paragraph>
        {t('assessment.stats.byRegion')}：{rows(stats.data.byRegion).join('；')}
      </Typography.Paragraph>
      <Typography.Paragraph>
        {t('assessment.stats.bySendingUnit')}：{rows(stats.data.bySendingUnit).join('；')}
      </Typography.Paragraph>
    </Card>
  );
}
