import { SearchOutlined } from '@ant-design/icons';
import { Flex, Input, Select } from 'antd';
import { useEffect, useState } from 'react';
import { t } from '../../../common/i18n/index';
import { POST_STATUSES, type PostListParams, type PostStatus } from '../../../common/posts/posts.schema';
import { UnitSelect } from '../units/unit-select.component';
import { BatchSelect } from './batch-select.component';
import { FilterActions } from './filter-actions.component';
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

const UNIT_FILTER_ID = 'posts-filter-unit';
const VISUALLY_HIDDEN = {
  position: 'absolute',
  width: 1,
  height: 1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
} as const;

/** Search box (Enter or 查询), batch, status and unit; selects apply at once. */
export function PostsFilter({ params, onChange, onReset, withUnit, unitName }: PostsFilterProps) {
  const [q, setQ] = useState(params.q ?? '');
  // follow the URL when it changes from outside (back button, 重置, a shared link)
  useEffect(() => setQ(params.q ?? ''), [params.q]);

  const search = () => onChange({ q: q.trim() || undefined });

  return (
    <Flex wrap gap={8} className="filter-bar" role="search">
      <Input
        className="filter-bar__search"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        onPressEnter={search}
        placeholder={t('posts.searchPlaceholder')}
        aria-label={t('posts.searchLabel')}
        prefix={<SearchOutlined />}
        allowClear
        maxLength={30}
      />
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
        // vertical: the select inside stretches to the box's width
        <Flex vertical className="filter-bar__region">
          {/* UnitSelect takes no aria-label: a label for its input, seen only by screen readers */}
          <label htmlFor={UNIT_FILTER_ID} style={VISUALLY_HIDDEN}>
            {t('posts.filterUnit')}
          </label>
          <UnitSelect
            id={UNIT_FILTER_ID}
            value={params.unitId}
            valueLabel={unitName}
            onChange={(unitId) => onChange({ unitId: unitId ?? undefined })}
            placeholder={t('posts.unitPlaceholder')}
          />
        </Flex>
      ) : null}
      <FilterActions
        onSearch={search}
        onReset={() => {
          setQ('');
          onReset();
        }}
      />
    </Flex>
  );
}
