import { Flex, Timeline, Typography } from 'antd';
import { formatTime } from '../../../common/format/date-time';
import type { StatusEvent } from '../../../common/status/status-history.schema';

/**
 * An object's status history on its detail page (leave, achievements …): each move's status in
 * words, the reason given, who and when, oldest first.
 */
export function StatusHistory<S extends string>({
  title,
  history,
  label,
}: {
  title: string;
  history: readonly StatusEvent<S>[];
  /** The status in words (its i18n key differs per capability). */
  label: (status: S) => string;
}) {
  return (
    <div>
      <Typography.Title level={5}>{title}</Typography.Title>
      <Timeline
        items={history.map((h) => ({
          content: (
            <Flex vertical>
              <span>
                {label(h.to)}
                {h.reason ? `：${h.reason}` : ''}
              </span>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {[h.by, formatTime(h.at)].filter(Boolean).join(' · ')}
              </Typography.Text>
            </Flex>
          ),
        }))}
      />
    </div>
  );
}
