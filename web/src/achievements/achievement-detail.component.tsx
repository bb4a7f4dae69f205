import { App, Button, Descriptions, Drawer, Flex, Grid, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import type { AchievementDetail } from '../../../common/achievements/achievements.schema';
import { FILE_LIMIT } from '../../../common/files/files';
import { t } from '../../../common/i18n/index';
import { errorMessage } from '../api/client';
import { AttachmentList, AttachmentUpload } from '../common/attachments.component';
import { pendingState } from '../common/query-state.component';
import { StatusHistory } from '../common/status-history.component';
import { AchievementFormModal } from './achievement.form';
import { AchievementStatusTag } from './achievement-status.component';
import {
  type AchievementAction,
  evidenceUrl,
  useAchievement,
  useAchievementAction,
  useEvidence,
} from './achievements.api';

/** 实事详情: the entry, its history, the evidence section, and the moves the caller may make. */
export function AchievementDetailDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const screens = Grid.useBreakpoint();
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      title={t('achievements.detailTitle')}
      size={screens.md === false ? '100%' : 620}
      destroyOnHidden
      closable={{ 'aria-label': t('common.close') }}
    >
      {id ? <AchievementDetailBody id={id} /> : null}
    </Drawer>
  );
}

export const amountOf = (a: Pick<AchievementDetail, 'amount' | 'unit'>) =>
  a.amount && a.unit ? `${a.amount}${a.unit}` : t('achievements.noAmount');

/** 核实 (with a confirmation) and 退回 (with the comment it needs), shared by the list and the detail. */
/** What a move needs of an entry, and what its dialogs name. */
type Entry = Pick<AchievementDetail, 'id' | 'version' | 'title' | 'amount' | 'unit'>;

export function useReview() {
  const action = useAchievementAction();
  const { message, modal } = App.useApp();
  const [returning, setReturning] = useState<Entry | null>(null);
  const [comment, setComment] = useState('');
  const run = async (entry: Entry, name: AchievementAction, label: string, extra?: string) => {
    try {
      await action.mutateAsync({ entry, action: name, comment: extra ?? null });
      message.success(t('achievements.done', { action: label }));
      return true;
    } catch (error) {
      message.error(errorMessage(error));
      return false;
    }
  };
  const verify = (entry: Entry) =>
    modal.confirm({
      title: t('achievements.verify'),
      content: t('achievements.verifyConfirm', {
        title: entry.title,
        amount: amountOf(entry),
      }),
      okText: t('achievements.verify'),
      cancelText: t('common.cancel'),
      onOk: () => run(entry, 'verify', t('achievements.verify')),
    });
  const returnDialog = (
    <Modal
      open={returning !== null}
      title={t('achievements.returnTitle', { title: returning?.title ?? '' })}
      okText={t('achievements.return')}
      okButtonProps={{ danger: true, disabled: comment.trim().length === 0 }}
      cancelText={t('common.cancel')}
      confirmLoading={action.isPending}
      onCancel={() => setReturning(null)}
      onOk={async () => {
        if (returning && (await run(returning, 'return', t('achievements.return'), comment.trim()))) {
          setReturning(null);
          setComment('');
        }
      }}
      destroyOnHidden
    >
      <Typography.Paragraph>{t('achievements.commentLabel')}</Typography.Paragraph>
      <Input.TextArea
        aria-label={t('achievements.commentLabel')}
        value={comment}
        onChange={(e) => setComment(e.target.value)}
        maxLength={500}
        autoSize={{ minRows: 2, maxRows: 5 }}
      />
    </Modal>
  );
  return { run, verify, startReturn: setReturning, returnDialog, pending: action.isPending };
}

function AchievementDetailBody({ id }: { id: string }) {
  const entry = useAchievement(id);
  const { modal } = App.useApp();
  const review = useReview();
  const [editing, setEditing] = useState(false);
  const evidence = useEvidence();
  const pending = pendingState(entry, t('achievements.loadFailed'));
  if (pending || !entry.data) return pending;
  const a = entry.data;
  const can = (x: string) => a.actions.includes(x);
  const confirm = (name: 'claim' | 'withdraw', text: string, label: string) =>
    modal.confirm({
      title: label,
      content: text,
      okText: label,
      cancelText: t('common.cancel'),
      okButtonProps: name === 'withdraw' ? { danger: true } : {},
      onOk: () => review.run(a, name, label),
    });

  return (
    <Flex vertical gap={20}>
      <Descriptions
        bordered
        size="small"
        column={1}
        styles={{ label: { width: 110 } }}
        items={[
          {
            key: 'title',
            label: t('achievements.col.title'),
            children: (
              <Flex gap={8} align="center" wrap>
                <Typography.Text strong>{a.title}</Typography.Text>
                <AchievementStatusTag status={a.status} />
              </Flex>
            ),
          },
          { key: 'cadre', label: t('achievements.col.cadre'), children: a.cadreName },
          {
            key: 'posting',
            label: t('achievements.field.posting'),
            children: `${a.receivingUnitName} · ${a.postingTitle}`,
          },
          { key: 'kind', label: t('achievements.col.kind'), children: t(`achievementKind.${a.kind}`) },
          { key: 'amount', label: t('achievements.col.amount'), children: amountOf(a) },
          { key: 'date', label: t('achievements.col.date'), children: a.date },
          ...(a.description
            ? [{ key: 'description', label: t('achievements.field.description'), children: a.description }]
            : []),
          ...(a.reviewComment
            ? [{ key: 'comment', label: t('achievements.reviewComment'), children: a.reviewComment }]
            : []),
        ]}
      />
      <section aria-label={t('achievements.evidence')}>
        <Typography.Title level={5}>{t('achievements.evidence')}</Typography.Title>
        <Flex vertical gap={8}>
          {a.evidence.length === 0 ? (
            <Typography.Text type="secondary">{t('achievements.noEvidence')}</Typography.Text>
          ) : (
            <AttachmentList
              files={a.evidence}
              urlOf={(fileId) => evidenceUrl(a.id, fileId)}
              onRemove={
                can('update') ? (fileId) => evidence.remove.mutateAsync({ id: a.id, fileId }) : undefined
              }
            />
          )}
          {can('update') ? (
            <Flex gap={8} align="center" wrap>
              <AttachmentUpload
                label={t('achievements.addEvidence')}
                onUpload={(file) => evidence.add.mutateAsync({ id: a.id, file })}
              />
              <Typography.Text type="secondary">
                {t('files.uploadHint', { limit: FILE_LIMIT })}
              </Typography.Text>
            </Flex>
          ) : null}
        </Flex>
      </section>
      <StatusHistory
        title={t('achievements.history')}
        history={a.history}
        label={(to) => t(`achievementStatus.${to}`)}
      />
      <Flex gap={8} wrap>
        {can('verify') ? (
          <Button type="primary" onClick={() => review.verify(a)} loading={review.pending}>
            {t('achievements.verify')}
          </Button>
        ) : null}
        {can('return') ? (
          <Button danger onClick={() => review.startReturn(a)}>
            {t('achievements.return')}
          </Button>
        ) : null}
        {can('update') ? <Button onClick={() => setEditing(true)}>{t('achievements.edit')}</Button> : null}
        {can('claim') ? (
          <Button
            type="primary"
            onClick={() => confirm('claim', t('achievements.claimConfirm'), t('achievements.claim'))}
          >
            {t('achievements.claim')}
          </Button>
        ) : null}
        {can('withdraw') ? (
          <Button
            danger
            onClick={() => confirm('withdraw', t('achievements.withdrawConfirm'), t('achievements.withdraw'))}
          >
            {t('achievements.withdraw')}
          </Button>
        ) : null}
      </Flex>
      {review.returnDialog}
      <AchievementFormModal open={editing} entry={a} onClose={() => setEditing(false)} />
    </Flex>
  );
}
