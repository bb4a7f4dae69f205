import { Space, Tag } from 'antd';
import { t } from '../../../common/i18n/index';
import { FIT_FACTORS } from '../../../common/matching/matching.schema';

/** Points with their sign, as the explanations write them: +30, −5. */
export const signed = (n: number) => (n >= 0 ? `+${n}` : `−${-n}`);

/** Per-factor totals of a run (or their deltas between two runs), in the factors' order. */
export function FactorTotals({
  totals,
  deltas = false,
}: {
  totals: Record<string, number>;
  deltas?: boolean;
}) {
  return (
    <Space size={[4, 4]} wrap>
      {FIT_FACTORS.filter((f) => totals[f] !== undefined).map((f) => (
        <Tag key={f} color={deltas ? ((totals[f] ?? 0) >= 0 ? 'green' : 'red') : undefined}>
          {t(`matching.factorName.${f}`)} {signed(totals[f] ?? 0)}
        </Tag>
      ))}
    </Space>
  );
}
