import { Select, Typography } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { t } from '../../../common/i18n/index';
import { useDebouncedValue } from '../common/debounce.hooks';
import { useUnitOptions } from './units.api';

export interface UnitSelectProps {
  /** The selected unit id. */
  value?: string | null | undefined;
  onChange?: (id: string | null) => void;
  /** The name of the unit `value` refers to, shown before any search has found it. */
  valueLabel?: string | null | undefined;
  /** A unit that may not be chosen (e.g. the unit being edited, as its own parent). */
  excludeId?: string | null | undefined;
  id?: string;
  className?: string;
  'aria-label'?: string;
  placeholder?: string;
  disabled?: boolean;
  status?: '' | 'error' | 'warning';
}

interface UnitOption {
  value: string;
  label: string;
  regionName?: string;
  active?: boolean;
}

/** Picks one unit, searching the server by name, full pinyin or initials as the user types. */
export function UnitSelect({
  value,
  onChange,
  valueLabel,
  excludeId,
  placeholder,
  ...rest
}: UnitSelectProps) {
  const [search, setSearch] = useState('');
  const [open, setOpen] = useState(false);
  const q = useDebouncedValue(search.trim(), 250);
  const query = useUnitOptions(q, open || q !== '');
  /** Names of units seen so far, so a chosen unit keeps its label while the user searches on. */
  const labels = useRef(new Map<string, string>());
  if (value && valueLabel) labels.current.set(value, valueLabel);

  const options = useMemo(() => {
    const found: UnitOption[] = (query.data?.items ?? [])
      .filter((unit) => unit.id !== excludeId)
      .map((unit) => ({
        value: unit.id,
        label: unit.name,
        regionName: unit.regionName,
        active: unit.active,
      }));
    for (const option of found) labels.current.set(option.value, option.label);
    // the name given may arrive after the first render (e.g. a unit id read from the URL)
    const selectedLabel = value ? (labels.current.get(value) ?? valueLabel ?? undefined) : undefined;
    if (value && selectedLabel && !found.some((o) => o.value === value)) {
      found.unshift({ value, label: selectedLabel });
    }
    return found;
  }, [query.data, excludeId, value, valueLabel]);

  return (
    <Select<string, UnitOption>
      {...rest}
      value={value ?? undefined}
      onChange={(id) => onChange?.(id ?? null)}
      options={options}
      allowClear
      showSearch={{ filterOption: false, onSearch: setSearch }}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) setSearch('');
      }}
      loading={query.isFetching}
      placeholder={placeholder}
      notFoundContent={query.isFetching ? t('app.loading') : undefined}
      optionRender={(option) => (
        <div>
          <div>
            {option.data.label}
            {option.data.active === false ? (
              <Typography.Text type="secondary">（{t('units.inactive')}）</Typography.Text>
            ) : null}
          </div>
          {option.data.regionName ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {option.data.regionName}
            </Typography.Text>
          ) : null}
        </div>
      )}
    />
  );
}
