import { DatePicker, Select, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { AUDIT_RESULTS, type AuditQuery, zAuditQuery } from '../../../common/audit/audit.schema';
import { t } from '../../../common/i18n/index';
import { FilterBar } from '../common/filter-bar.component';
import { maxLengthOf } from '../common/form.utils';
import { AUDIT_ACTIONS, actionLabel, objectTypeLabel, shortId } from './audit.utils';

type AuditResult = (typeof AUDIT_RESULTS)[number];

const actionOptions = AUDIT_ACTIONS.map((action) => ({ value: action, label: actionLabel(action) }));
const resultOptions = AUDIT_RESULTS.map((result) => ({ value: result, label: t(`audit.result.${result}`) }));

/** Times go to the server as ISO with the browser's offset; the end is inclusive to the second. */
const startOf = (d: Dayjs) => d.startOf('second').format();
const endOf = (d: Dayjs) => d.endOf('second').format('YYYY-MM-DDTHH:mm:ss.SSSZ');

const presets = () => {
  const now = dayjs();
  return [
    { label: t('audit.today'), value: [now.startOf('day'), now.endOf('day')] as [Dayjs, Dayjs] },
    {
      label: t('audit.last7Days'),
      value: [now.subtract(6, 'day').startOf('day'), now.endOf('day')] as [Dayjs, Dayjs],
    },
    {
      label: t('audit.last30Days'),
      value: [now.subtract(29, 'day').startOf('day'), now.endOf('day')] as [Dayjs, Dayjs],
    },
  ];
};

export interface AuditFilterProps {
  params: AuditQuery;
  onChange: (change: Partial<AuditQuery>) => void;
  onReset: () => void;
}

/** 操作人 (Enter or 查询), 操作, 结果 and a time range; selects and the range apply at once. */
export function AuditFilter({ params, onChange, onReset }: AuditFilterProps) {
  const range: [Dayjs | null, Dayjs | null] = [
    params.from ? dayjs(params.from) : null,
    params.to ? dayjs(params.to) : null,
  ];
  const object = params.objectType || params.objectId;

  return (
    <FilterBar
      value={params.actor}
      onSearch={(actor) => onChange({ actor })}
      onReset={onReset}
      placeholder={t('audit.actorPlaceholder')}
      label={t('audit.filterActor')}
      maxLength={maxLengthOf(zAuditQuery.shape.actor)}
      searchClassName="filter-bar__select"
    >
      <Select<string>
        className="filter-bar__action"
        value={params.action}
        onChange={(action) => onChange({ action: action ?? undefined })}
        options={actionOptions}
        placeholder={t('audit.actionPlaceholder')}
        aria-label={t('audit.filterAction')}
        showSearch={{ optionFilterProp: 'label' }}
        allowClear
      />
      <Select<AuditResult>
        className="filter-bar__result"
        value={params.result}
        onChange={(result) => onChange({ result: result ?? undefined })}
        options={resultOptions}
        placeholder={t('audit.resultPlaceholder')}
        aria-label={t('audit.filterResult')}
        allowClear
      />
      <DatePicker.RangePicker
        className="filter-bar__range"
        showTime={{ format: 'HH:mm:ss' }}
        format="YYYY-MM-DD HH:mm:ss"
        value={range}
        allowEmpty={[true, true]}
        presets={presets()}
        placeholder={[t('audit.from'), t('audit.to')]}
        onChange={(dates) =>
          onChange({
            from: dates?.[0] ? startOf(dates[0]) : undefined,
            to: dates?.[1] ? endOf(dates[1]) : undefined,
          })
        }
      />
      {object ? (
        <Tag
          closable
          onClose={() => onChange({ objectType: undefined, objectId: undefined })}
          className="filter-bar__tag"
        >
          {t('audit.objectFilter', {
            object: [
              params.objectType ? objectTypeLabel(params.objectType) : '',
              shortId(params.objectId ?? ''),
            ]
              .filter(Boolean)
              .join(' '),
          })}
        </Tag>
      ) : null}
    </FilterBar>
  );
}
