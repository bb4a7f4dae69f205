import { Select } from 'antd';
import { t } from '../../../common/i18n/index';
import {
  POST_STATUSES,
  type PostListParams,
  type PostStatus,
  zPostListQuery,
} from '../../../common/posts/posts.schema';
import { BatchSelect } from '../common/batch-select.component';
import { FilterBar } from '../common/filter-bar.component';
import { maxLengthOf } from '../common/form.utils';
import { UnitSelect } from '../units/unit-select.component';
import type { PostListChange } from './posts.hooks';

const statusOptions = POST_STATUSES.map((status) => ({ value: status, label: t(`postStatus.${status}`) }));

export interface PostsFilterProps {
  params: PostListParams;
  onChange: (change: PostListChange) => void;
  onReset: () => void;
  /** The unit filter, for those who see more than their own unit (the 组织部). */
  withUnit: boolean;
  /** The name of the unit filtered by (from the rows), shown before the picker has searched. */
  unitName?: string | undefined;
}

/** Search box (Enter or 查询), batch, status and unit; selects apply at once. */
export function PostsFilter({ params, onChange, onReset, withUnit, unitName }: PostsFilterProps) {
  return (
    <FilterBar
      value={params.q}
      onSearch={(q) => onChange({ q })}
      onReset={onReset}
      placeholder={t('posts.searchPlaceholder')}
      label={t('posts.searchLabel')}
      maxLength={maxLengthOf(zPostListQuery.shape.q)}
    >
      <BatchSelect
        className="filter-bar__region"
        value={params.batchId}
        onChange={(batchId) => onChange({ batchId })}
        placeholder={t('posts.batchPlaceholder')}
        aria-label={t('posts.filterBatch')}
      />
      <Select<PostStatus>
        className="filter-bar__select"
        value={params.status}
        onChange={(status) => onChange({ status: status ?? undefined })}
        options={statusOptions}
        placeholder={t('posts.statusPlaceholder')}
        aria-label={t('posts.filterStatus')}
        allowClear
      />
      {withUnit ? (
        <UnitSelect
          className="filter-bar__region"
          aria-label={t('posts.filterUnit')}
          value={params.unitId}
          valueLabel={unitName}
          onChange={(unitId) => onChange({ unitId: unitId ?? undefined })}
          placeholder={t('posts.unitPlaceholder')}
        />
      ) : null}
    </FilterBar>
  );
}
