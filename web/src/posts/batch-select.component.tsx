import { Select, Typography } from 'antd';
import { useMemo } from 'react';
import { t } from '../../../common/i18n/index';
import { type Batch, OPEN_BATCH_STATUSES } from '../../../common/programmes/programmes.schema';
import { useBatchOptions } from '../api/options.hooks';

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

/** Picks a batch, named by programme and batch, with its stage. */
export function BatchSelect({ value, onChange, openOnly = false, ...rest }: BatchSelectProps) {
  const batches = useBatchOptions();
  const options = useMemo<BatchOption[]>(
    () =>
      (batches.data ?? [])
        .filter((batch) => !openOnly || OPEN_BATCH_STATUSES.includes(batch.status))
        .map((batch) => ({ value: batch.id, label: `${batch.programmeName} · ${batch.name}`, batch })),
    [batches.data, openOnly],
  );
  return (
    <Select<string, BatchOption>
      {...rest}
      value={value ?? undefined}
      onChange={(id) => onChange?.(id ?? undefined)}
      options={options}
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
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
