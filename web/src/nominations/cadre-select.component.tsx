import { Select, Tag, Typography } from 'antd';
import { useMemo, useRef, useState } from 'react';
import type { Cadre } from '../../../common/cadres/cadres.schema';
import { t } from '../../../common/i18n/index';
import type { NominationStatus } from '../../../common/nominations/nominations.schema';
import { useDebouncedValue } from '../common/debounce.hooks';
import { useCadreOptions } from './nominations.api';

export interface CadreSelectProps {
  /** The selected cadre id (antd Form passes value / onChange / id). */
  value?: string | undefined;
  onChange?: (id: string | undefined, cadre: Cadre | undefined) => void;
  id?: string;
  status?: '' | 'error' | 'warning';
  /** Cadres already nominated to the chosen batch, with their nomination's status: not offered again. */
  nominated?: ReadonlyMap<string, NominationStatus>;
}

interface CadreOption {
  value: string;
  label: string;
  cadre: Cadre;
  disabled?: boolean;
}

/** Picks one cadre the user keeps, searching the server by name, full pinyin or initials as they type. */
export function CadreSelect({ value, onChange, nominated, ...rest }: CadreSelectProps) {
  const [search, setSearch] = useState('');
  const [open, setOpen] = useState(false);
  const q = useDebouncedValue(search.trim(), 250);
  const query = useCadreOptions(q, open || q !== '');
  /** Cadres seen so far, so the chosen one keeps its label while the user searches on. */
  const seen = useRef(new Map<string, Cadre>());

  const options = useMemo(() => {
    const found: CadreOption[] = (query.data ?? []).map((cadre) => ({
      value: cadre.id,
      label: cadre.name,
      cadre,
      disabled: nominated?.has(cadre.id) ?? false,
    }));
    for (const option of found) seen.current.set(option.value, option.cadre);
    const selected = value ? seen.current.get(value) : undefined;
    if (selected && !found.some((o) => o.value === value)) {
      found.unshift({ value: selected.id, label: selected.name, cadre: selected });
    }
    return found;
  }, [query.data, value, nominated]);

  return (
    <Select<string, CadreOption>
      {...rest}
      value={value}
      onChange={(id) => onChange?.(id ?? undefined, id ? seen.current.get(id) : undefined)}
      options={options}
      allowClear
      showSearch={{ filterOption: false, onSearch: setSearch }}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) setSearch('');
      }}
      loading={query.isFetching}
      placeholder={t('nominations.cadrePlaceholder')}
      notFoundContent={query.isFetching ? t('app.loading') : undefined}
      optionRender={(option) => (
        <div>
          <div>
            {option.data.label}
            {nominated?.has(option.data.value) ? (
              <Tag style={{ marginInlineStart: 8 }}>
                {t('nominations.alreadyNominated', {
                  status: t(`nominationStatus.${nominated.get(option.data.value) as NominationStatus}`),
                })}
              </Tag>
            ) : null}
          </div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('nominations.cadreOption', {
              position: option.data.cadre.position,
              rank: t(`rankLevel.${option.data.cadre.rankLevel}`),
              birthDate: option.data.cadre.birthDate,
            })}
          </Typography.Text>
        </div>
      )}
    />
  );
}
