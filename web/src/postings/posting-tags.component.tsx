import { Tag } from 'antd';
import { t } from '../../../common/i18n/index';
import type { PostingStatus } from '../../../common/postings/posting-moves';

export const POSTING_STATUS_COLORS: Record<PostingStatus, string> = {
  proposed: 'processing',
  active: 'success',
  ended: 'default',
  returned: 'default',
  recalled: 'warning',
  terminated: 'error',
};

export function PostingStatusTag({ status }: { status: PostingStatus }) {
  return (
    <Tag color={POSTING_STATUS_COLORS[status]} style={{ marginInlineEnd: 0 }}>
      {t(`postingStatus.${status}`)}
    </Tag>
  );
}
