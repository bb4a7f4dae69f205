import { Typography } from 'antd';
import type { CorrectionDiff } from '../../../common/corrections/corrections.schema';
import { displayValue, fieldName } from './corrections.utils';

/** A request's changes, one line per field: `级别：副县处级 → 正县处级`. */
export function CorrectionDiffList({ diff }: { diff: CorrectionDiff[] }) {
  return (
    <ul className="correction-diff" style={{ margin: 0, paddingInlineStart: 16 }}>
      {diff.map((d) => (
        <li key={d.field}>
          <Typography.Text type="secondary">{fieldName(d.field)}：</Typography.Text>
          <Typography.Text delete>{displayValue(d.field, d.from)}</Typography.Text>
          {' → '}
          <Typography.Text strong>{displayValue(d.field, d.to)}</Typography.Text>
        </li>
      ))}
    </ul>
  );
}
