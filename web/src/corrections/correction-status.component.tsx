import { Tag } from 'antd';
import type { CorrectionStatus } from '../../../common/corrections/corrections.schema';
import { t } from '../../../common/i18n/index';

const COLORS: Record<CorrectionStatus, string> = {
  pending: 'processing',
  approved: 'success',
  rejected: 'error',
  withdrawn: 'default',
};

export function CorrectionStatusTag({ status }: { status: CorrectionStatus }) {
  return <Tag color={COLORS[status]}>{t(`correctionStatus.${status}`)}</Tag>;
}
