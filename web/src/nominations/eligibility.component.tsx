import { Flex, Tag, Typography } from 'antd';
import { t } from '../../../common/i18n/index';
import type { EligibilityReason } from '../../../common/nominations/nominations.schema';

export interface EligibilityProps {
  eligible: boolean;
  reasons: EligibilityReason[];
}

/**
 * 合格 / 不符合条件 with every reason in the server's words: blocking ones in red, advice
 * (e.g. reserve cadres first) marked 提示.
 */
export function Eligibility({ eligible, reasons }: EligibilityProps) {
  return (
    <Flex vertical gap={4} align="flex-start">
      <Tag color={eligible ? 'success' : 'error'} style={{ marginInlineEnd: 0 }}>
        {t(eligible ? 'nominations.eligible' : 'nominations.ineligible')}
      </Tag>
      <EligibilityReasons reasons={reasons} />
    </Flex>
  );
}

/** The tag and the reasons on one line, cut short with the whole text on hover (the list). */
export function EligibilityLine({ eligible, reasons }: EligibilityProps) {
  const text = reasons
    .map((r) => (r.blocking ? r.message : t('nominations.advice', { message: r.message })))
    .join('；');
  return (
    <Flex gap={4} align="center" style={{ minWidth: 0 }}>
      <Tag color={eligible ? 'success' : 'error'} style={{ marginInlineEnd: 0, flex: 'none' }}>
        {t(eligible ? 'nominations.eligible' : 'nominations.ineligible')}
      </Tag>
      {text ? (
        <Typography.Text type="secondary" ellipsis={{ tooltip: text }} style={{ minWidth: 0 }}>
          {text}
        </Typography.Text>
      ) : null}
    </Flex>
  );
}

/** The reasons alone, one per line; nothing when there are none. */
export function EligibilityReasons({ reasons }: { reasons: EligibilityReason[] }) {
  if (!reasons.length) return null;
  return (
    <ul style={{ margin: 0, paddingInlineStart: 18 }}>
      {reasons.map((reason) => (
        <li key={reason.code}>
          <Typography.Text type={reason.blocking ? 'danger' : 'secondary'}>
            {reason.blocking ? reason.message : t('nominations.advice', { message: reason.message })}
          </Typography.Text>
        </li>
      ))}
    </ul>
  );
}
