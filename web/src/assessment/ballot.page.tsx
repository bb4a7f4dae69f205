import { Alert, Button, Card, Flex, Input, Radio, Result, Space, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { VOTE_GRADES, type VoteGrade } from '../../../common/assessment/assessment-moves';
import { t } from '../../../common/i18n/index';
import { errorMessage } from '../api/client';
import { castBallot, useBallot } from './assessment.api';

/**
 * 民主测评 (public, no account): a one-time code from a slip (its QR code opens this page with
 * it); one grade per assessed cadre of the unit. Built for a phone (375 px).
 */
export function BallotPage() {
  const code = useParams().code ?? '';
  const navigate = useNavigate();
  const [typed, setTyped] = useState('');
  const ballot = useBallot(code);
  const [votes, setVotes] = useState<Record<string, VoteGrade>>({});
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);

  const shell = (body: React.ReactNode) => (
    <Flex justify="center" style={{ padding: 12 }}>
      <div style={{ width: '100%', maxWidth: 480 }}>
        <Typography.Title level={4}>{t('assessment.ui.ballotTitle')}</Typography.Title>
        {body}
      </div>
    </Flex>
  );
  if (done)
    return shell(
      <Result
        status="success"
        title={t('assessment.ui.ballotThanks')}
        subTitle={t('assessment.ui.ballotAnonymous')}
      />,
    );
  if (!code)
    return shell(
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text>{t('assessment.ui.enterCode')}</Typography.Text>
        <Input
          aria-label={t('assessment.ui.code')}
          value={typed}
          onChange={(e) => setTyped(e.target.value.trim())}
        />
        <Button
          type="primary"
          block
          disabled={typed.length < 8}
          onClick={() => navigate(`/ballot/${encodeURIComponent(typed)}`)}
        >
          {t('assessment.ui.openBallot')}
        </Button>
      </Space>,
    );
  if (ballot.isError) return shell(<Alert type="error" showIcon title={errorMessage(ballot.error)} />);
  if (!ballot.data) return shell(<Typography.Text>{t('app.loading')}</Typography.Text>);
  const b = ballot.data;
  const complete = b.subjects.every((s) => votes[s.id]);
  return shell(
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Text strong>{b.roundTitle}</Typography.Text>
      <Typography.Text type="secondary">
        {t('assessment.ui.ballotUnit', { unit: b.unitName })}
      </Typography.Text>
      <Alert type="info" showIcon title={t('assessment.ui.ballotAnonymous')} />
      {b.subjects.map((s) => (
        <Card
          key={s.id}
          size="small"
          title={s.cadreName}
          extra={<Typography.Text type="secondary">{s.postingTitle}</Typography.Text>}
        >
          <Radio.Group
            aria-label={s.cadreName}
            value={votes[s.id]}
            onChange={(e) => setVotes({ ...votes, [s.id]: e.target.value })}
            options={VOTE_GRADES.map((g) => ({ value: g, label: t(`grade.${g}`) }))}
            optionType="button"
            buttonStyle="solid"
          />
        </Card>
      ))}
      {error ? <Alert type="error" showIcon title={error} /> : null}
      <Button
        type="primary"
        block
        size="large"
        disabled={!complete}
        loading={sending}
        onClick={async () => {
          setSending(true);
          setError(null);
          try {
            await castBallot(
              code,
              b.subjects.map((s) => ({ subjectId: s.id, grade: votes[s.id] })),
            );
            setDone(true);
          } catch (e) {
            setError(errorMessage(e));
          } finally {
            setSending(false);
          }
        }}
      >
        {t('assessment.ui.castBallot')}
      </Button>
    </Space>,
  );
}
