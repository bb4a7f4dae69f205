import { Tag } from 'antd';
import { t } from '../../../common/i18n/index';
import type { Leave } from '../../../common/leave/leave.schema';
import type { LeaveStatus } from '../../../common/leave/leave-moves';

const COLORS: Record<LeaveStatus, string> = {
  pending: 'processing',
  approved: 'success',
  rejected: 'error',
  withdrawn: 'default',
  returning: 'warning',
  returned: 'default',
};

export function LeaveStatusTag({ leave }: { leave: Pick<Leave, 'status' | 'overdue'> }) {
  return (
    <>
      <Tag color={COLORS[leave.status]}>{t(`leaveStatus.${leave.status}`)}</Tag>
      {leave.overdue ? <Tag color="error">{t('leave.overdue')}</Tag> : null}
    </>
  );
}

/** 2026-03-02 上午 至 2026-03-06 下午 */
export const periodOf = (l: Pick<Leave, 'startDate' | 'startHalf' | 'endDate' | 'endHalf'>): string =>
  `${l.startDate} ${t(`leaveHalf.${l.startHalf}`)} 至 ${l.endDate} ${t(`leaveHalf.${l.endHalf}`)}`;
