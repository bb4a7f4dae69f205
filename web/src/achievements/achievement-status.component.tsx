import { Tag } from 'antd';
import type { AchievementStatus } from '../../../common/achievements/achievement-moves';
import { t } from '../../../common/i18n/index';

const COLORS: Record<AchievementStatus, string> = {
  claimed: 'processing',
  verified: 'success',
  returned: 'warning',
  withdrawn: 'default',
};

export function AchievementStatusTag({ status }: { status: AchievementStatus }) {
  return <Tag color={COLORS[status]}>{t(`achievementStatus.${status}`)}</Tag>;
}
