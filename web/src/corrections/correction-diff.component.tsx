import { Tag, Typography } from 'antd';
import type { CorrectionDiff } from '../../../common/corrections/corrections.schema';
import { canonical } from '../../../common/corrections/entry-diff';
import { t } from '../../../common/i18n/index';
import { displayValue, entryText, fieldName } from './corrections.utils';

const ENTRY_COLORS = { added: 'success', changed: 'warning', removed: 'error' } as const;

/**
 * A request's changes, one line per field: `级别：副县处级 → 正县处级`; a list field (简历,
 * 亲属) one line per entry added, changed or removed.
 */
export function CorrectionDiffList({ diff }: { diff: CorrectionDiff[] }) {
  return (
    <ul className="correction-diff" style={{ margin: 0, paddingInlineStart: 16 }}>
      {diff.map((d) =>
        d.entries ? (
          <li key={d.field}>
            <Typography.Text type="secondary">{fieldName(d.field)}：</Typography.Text>
            <ul style={{ margin: 0, paddingInlineStart: 16 }}>
              {d.entries.map((e) => (
                <li key={canonical(e)} data-testid={`entry-${e.change}`}>
                  <Tag color={ENTRY_COLORS[e.change]}>{t(`corrections.entry.${e.change}`)}</Tag>
                  {e.from && e.to ? (
                    <>
                      <Typography.Text delete>{entryText(e.from)}</Typography.Text>
                      {' → '}
                      <Typography.Text strong>{entryText(e.to)}</Typography.Text>
                    </>
                  ) : e.from ? (
                    <Typography.Text delete>{entryText(e.from)}</Typography.Text>
                  ) : e.to ? (
                    <Typography.Text strong>{entryText(e.to)}</Typography.Text>
                  ) : null}
                </li>
              ))}
            </ul>
          </li>
        ) : (
          <li key={d.field}>
            <Typography.Text type="secondary">{fieldName(d.field)}：</Typography.Text>
            <Typography.Text delete>{displayValue(d.field, d.from)}</Typography.Text>
            {' → '}
            <Typography.Text strong>{displayValue(d.field, d.to)}</Typography.Text>
          </li>
        ),
      )}
    </ul>
  );
}
