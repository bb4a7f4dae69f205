import { Select, Typography } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { t } from '../../../common/i18n/index';
import type { Batch } from '../../../common/programmes/programmes.schema';
import { useBatchById, useBatchSearch } from '../api/options.hooks';
import { useDebouncedValue } from '../common/debounce.hooks';

export interface BatchSelectProps {
  value?: string | null | undefined;
  onChange?: (id: string | undefined) => void;
  /** Only batches that still take post requests (筹备 / 选派). */
  openOnly?: boolean;
  id?: string;
  className?: string;
  placeholder?: string;
  disabled?: boolean;
  'aria-label'?: string;
}

interface BatchOption {
  value: string;
  label: string;
  batch: Batch;
}

/**
 * Picks a batch, named by programme and batch, with its stage: the server is searched as the user
 * types, so every batch the user may see can be reached (not only the newest page of them).
 */
export function BatchSelect({ value, onChange, openOnly = false, ...rest }: BatchSelectProps) {
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim(), 250);
  const batches = useBatchSearch(q, openOnly);
  /** Batches seen so far, so the chosen one keeps its label while the user searches on. */
  const seen = useRef(new Map<string, Batch>());
  // a value from elsewhere (a link's ?batchId=) that the search has not brought: asked for by id
  const unknown =
    value && !seen.current.has(value) && !(batches.data ?? []).some((b) => b.id === value) ? value : null;
  const chosen = useBatchById(unknown);
  if (chosen.data) seen.current.set(chosen.data.id, chosen.data);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the chosen batch, once fetched, joins the options through `seen`
  const options = useMemo<BatchOption[]>(() => {
    const found = (batches.data ?? []).map((batch) => ({
      value: batch.id,
      label: `${batch.programmeName} · ${batch.name}`,
      batch,
    }));
    for (const option of found) seen.current.set(option.value, option.batch);
    const selected = value ? seen.current.get(value) : undefined;
    if (selected && !found.some((o) => o.value === value))
      found.unshift({
        value: selected.id,
        label: `${selected.programmeName} · ${selected.name}`,
        batch: selected,
      });
    return found;
  }, [batches.data, value, chosen.data]);
  return (
    <Select<string, BatchOption>
      {...rest}
      value={value ?? undefined}
      onChange={(id) => onChange?.(id ?? undefined)}
      options={options}
      allowClear
      showSearch={{ filterOption: false, onSearch: setSearch }}
      onOpenChange={(next) => {
        if (!next) setSearch('');
      }}
      loading={batches.isFetching}
      status={batches.isError ? 'error' : undefined}
      notFoundContent={
        batches.isError
          ? t('posts.batchesLoadFailed')
          : batches.isFetching
            ? t('app.loading')
            : openOnly
              ? t('posts.noOpenBatch')
              : undefined
      }
      optionRender={(option) => (
        <div>
          <div>{option.data.label}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t(`batchStatus.${option.data.batch.status}`)} · {option.data.batch.plannedStart} ~{' '}
            {option.data.batch.plannedEnd}
          </Typography.Text>
        </div>
      )}
    />
  );
}
