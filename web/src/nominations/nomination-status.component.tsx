import { Tag } from 'antd';
import { t } from '../../../common/i18n/index';
import type { NominationStatus } from '../../../common/nominations/nominations.schema';

const COLORS: Record<NominationStatus, string> = {
  submitted: 'processing',
  accepted: 'success',
  refused: 'error',
  withdrawn: 'default',
};

/** A nomination's status, in the same words and colours on 选派推荐 and 我的档案. */
export function NominationStatusTag({ status }: { status: NominationStatus }) {
  return <Tag color={COLORS[status]}>{t(`nominationStatus.${status}`)}</Tag>;
}
