import { App, Button, Divider, Drawer, Flex, List, Spin, Tag, Typography } from 'antd';
import { t } from '../../../common/i18n/index';
import type { Run } from '../../../common/matching/matching.schema';
import { errorMessage } from '../api/client';
import { useAddLock, useAlternatives, useCandidates } from './matching.api';
import { signed } from './matching.utils';

export interface CadreDrawerProps {
  batchId: string;
  /** The finished run the alternatives are computed against. */
  run: Run | undefined;
  nominationId: string | null;
  canLock: boolean;
  onClose: () => void;
}

/**
 * One cadre: what each other feasible post would cost the run's total (exact re-solves), and
 * every post's score with its reasons or why it is excluded.
 */
export function CadreDrawer({ batchId, run, nominationId, canLock, onClose }: CadreDrawerProps) {
  const candidates = useCandidates(batchId, nominationId);
  const alternatives = useAlternatives(run?.id, nominationId);
  const addLock = useAddLock(batchId);
  const { message } = App.useApp();
  const name = candidates.data?.items[0]?.cadreName ?? alternatives.data?.cadreName ?? '';
  const pin = async (postRequestId: string, post: string) => {
    if (!nominationId) return;
    try {
      await addLock.mutateAsync({ nominationId, postRequestId, kind: 'pin', reason: null });
      message.success(t('matching.ui.pinDone', { cadre: name, post }));
    } catch (error) {
      message.error(errorMessage(error));
    }
  };
  return (
    <Drawer
      open={nominationId !== null}
      onClose={onClose}
      size="large"
      title={t('matching.ui.drawerTitle', { name })}
      destroyOnHidden
    >
      <Typography.Title level={5}>{t('matching.ui.alternatives')}</Typography.Title>
      {!run ? (
        <Typography.Text type="secondary">{t('matching.ui.alternativesNeedRun')}</Typography.Text>
      ) : alternatives.isPending ? (
        <Spin />
      ) : alternatives.isError ? (
        <Typography.Text type="danger">{errorMessage(alternatives.error)}</Typography.Text>
      ) : (
        <>
          <Typography.Paragraph>
            {alternatives.data.current
              ? t('matching.ui.current', {
                  post: alternatives.data.current.postTitle,
                  score: alternatives.data.current.score,
                })
              : t('matching.ui.none')}
          </Typography.Paragraph>
          <List
            size="small"
            dataSource={alternatives.data.items}
            locale={{ emptyText: t('matching.ui.alternativesNone') }}
            renderItem={(a) => (
              <List.Item
                actions={
                  canLock
                    ? [
                        <Button key="pin" size="small" onClick={() => pin(a.postRequestId, a.postTitle)}>
                          {t('matching.ui.pinHere')}
                        </Button>,
                      ]
                    : []
                }
              >
                <List.Item.Meta
                  title={
                    <Flex gap={8} align="center">
                      {a.totalDelta !== null ? (
                        <Tag color={a.totalDelta >= 0 ? 'green' : 'red'}>{signed(a.totalDelta)}</Tag>
                      ) : null}
                      <span>{a.text}</span>
                    </Flex>
                  }
                  description={a.explanation}
                />
              </List.Item>
            )}
          />
        </>
      )}
      <Divider />
      <Typography.Title level={5}>{t('matching.ui.pairs')}</Typography.Title>
      {candidates.isPending ? (
        <Spin />
      ) : (
        <List
          size="small"
          dataSource={candidates.data?.items ?? []}
          renderItem={(p) => (
            <List.Item>
              <List.Item.Meta
                title={
                  <Flex gap={8} align="center">
                    {p.excluded.length ? (
                      <Tag color="default">{t('matching.ui.excluded')}</Tag>
                    ) : (
                      <Tag color="blue">{p.score}</Tag>
                    )}
                    <span>
                      {p.unitName} {p.postTitle}
                    </span>
                  </Flex>
                }
                description={
                  p.excluded.length ? (
                    <Typography.Text type="danger">
                      {p.excluded.map((e) => e.text).join('；')}
                    </Typography.Text>
                  ) : (
                    p.explanation
                  )
                }
              />
            </List.Item>
          )}
        />
      )}
    </Drawer>
  );
}
