import { Descriptions, Drawer, Grid, Typography } from 'antd';
import type { ReactNode } from 'react';
import { formatTime } from '../../../common/format/date-time';
import { t } from '../../../common/i18n/index';
import type { Nomination } from '../../../common/nominations/nominations.schema';
import { Eligibility } from './eligibility.component';
import { NominationStatusTag } from './nomination-status.component';

const orNone = (value: ReactNode): ReactNode =>
  value === null || value === '' ? <Typography.Text type="secondary">-</Typography.Text> : value;

export interface NominationDetailDrawerProps {
  /** The nomination shown (as the list has it now); null when closed. */
  nomination: Nomination | null;
  onClose: () => void;
}

/**
 * 推荐详情: what the list leaves out to fit 1366 px (issue 11 line 7) — every eligibility
 * reason, the liaison's 推荐理由, the 审核意见 and when it was decided.
 */
export function NominationDetailDrawer({ nomination: n, onClose }: NominationDetailDrawerProps) {
  const screens = Grid.useBreakpoint();
  return (
    <Drawer
      open={n !== null}
      onClose={onClose}
      title={n ? t('nominations.detailTitle', { name: n.cadreName }) : ''}
      size={screens.md === false ? '100%' : 560}
      destroyOnHidden
      closable={{ 'aria-label': t('common.close') }}
    >
      {n ? (
        <Descriptions
          column={1}
          size="small"
          bordered
          items={[
            { key: 'cadre', label: t('nominations.col.cadre'), children: n.cadreName },
            { key: 'unit', label: t('nominations.col.unit'), children: n.unitName },
            { key: 'batch', label: t('nominations.col.batch'), children: n.batchName },
            {
              key: 'status',
              label: t('nominations.col.status'),
              children: <NominationStatusTag status={n.status} />,
            },
            {
              key: 'eligibility',
              label: t('nominations.col.eligibility'),
              children: <Eligibility eligible={n.eligible} reasons={n.reasons} />,
            },
            {
              key: 'justification',
              label: t('nominations.col.justification'),
              children: orNone(n.justification),
            },
            { key: 'review', label: t('nominations.col.review'), children: orNone(n.reviewComment) },
            {
              key: 'reviewedAt',
              label: t('nominations.col.reviewedAt'),
              children: orNone(formatTime(n.reviewedAt)),
            },
            { key: 'createdAt', label: t('nominations.col.createdAt'), children: formatTime(n.createdAt) },
          ]}
        />
      ) : null}
    </Drawer>
  );
}
