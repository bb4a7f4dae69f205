import type { UseQueryResult } from '@tanstack/react-query';
import { Select } from 'antd';
import { type ReactNode, useMemo, useRef, useState } from 'react';
import { t } from '../../../common/i18n/index';
import { useDebouncedValue } from './debounce.hooks';

export interface SearchSelectProps<T> {
  value?: string | null | undefined;
  onChange?: (id: string | undefined) => void;
  /** The items the server finds for what the user typed ('' at first). */
  useSearch: (q: string) => UseQueryResult<T[]>;
  /** One item by id, for a value the search has not brought (a link's ?id=); null: nothing to ask. */
  useById: (id: string | null) => UseQueryResult<T>;
  idOf: (item: T) => string;
  labelOf: (item: T) => string;
  /** A second line under the label in the list. */
  detailOf?: (item: T) => ReactNode;
  /** What the list says when the server found nothing. */
  emptyText?: string;
  errorText: string;
  allowClear?: boolean;
  id?: string;
  className?: string;
  style?: React.CSSProperties;
  placeholder?: string;
  disabled?: boolean;
  'aria-label'?: string;
}

interface Option<T> {
  value: string;
  label: string;
  item: T;
}

/**
 * A picker over a list the server searches as the user types, so every record the user may see
 * can be reached, not only the first page of them (batches, programmes). The chosen item keeps its
 * label while the user searches on; a value from elsewhere is fetched by id.
 */
export function SearchSelect<T>({
  value,
  onChange,
  useSearch,
  useById,
  idOf,
  labelOf,
  detailOf,
  emptyText,
  errorText,
  allowClear = true,
  ...rest
}: SearchSelectProps<T>) {
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim(), 250);
  const found = useSearch(q);
  /** Items seen so far, by id. */
  const seen = useRef(new Map<string, T>());
  const unknown =
    value && !seen.current.has(value) && !(found.data ?? []).some((i) => idOf(i) === value) ? value : null;
  const chosen = useById(unknown);
  if (chosen.data) seen.current.set(idOf(chosen.data), chosen.data);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the chosen item, once fetched, joins the options through `seen`
  const options = useMemo<Option<T>[]>(() => {
    const list = (found.data ?? []).map((item) => ({ value: idOf(item), label: labelOf(item), item }));
    for (const option of list) seen.current.set(option.value, option.item);
    const selected = value ? seen.current.get(value) : undefined;
    if (selected && !list.some((o) => o.value === value))
      list.unshift({ value: idOf(selected), label: labelOf(selected), item: selected });
    return list;
  }, [found.data, value, chosen.data]);
  return (
    <Select<string, Option<T>>
      {...rest}
      value={value ?? undefined}
      onChange={(id) => onChange?.(id ?? undefined)}
      options={options}
      allowClear={allowClear}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      onOpenChange={(next) => {
        if (!next) setSearch('');
      }}
      loading={found.isFetching}
      status={found.isError ? 'error' : undefined}
      notFoundContent={found.isError ? errorText : found.isFetching ? t('app.loading') : emptyText}
      optionRender={
        detailOf
          ? (option) => (
              <div>
                <div>{option.data.label}</div>
                <div>{detailOf(option.data.item)}</div>
              </div>
            )
          : undefined
      }
    />
  );
}
