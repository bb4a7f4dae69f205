import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Cascader } from 'antd';
import { type CSSProperties, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { t } from '../../../common/i18n/index';
import type { Region } from '../../../common/regions/regions.schema';
import { regionChildrenQuery, regionPathQuery } from './regions.api';

interface RegionOption {
  value: string;
  label: string;
  isLeaf: boolean;
  children?: RegionOption[] | undefined;
}

export interface RegionCascaderProps {
  /** The selected region code (any level), or null/undefined for none. */
  value?: string | null | undefined;
  onChange?: (code: string | null) => void;
  /** Passed on to the input so a Form.Item label points at it. */
  id?: string;
  placeholder?: string;
  allowClear?: boolean;
  disabled?: boolean;
  status?: '' | 'error' | 'warning';
  style?: CSSProperties;
  className?: string;
  'aria-label'?: string;
}

const ROOT = '';

/**
 * Picks a region of any level (province, city, county, township). Children load when a
 * level is opened; a saved code is shown by loading its path (`/api/regions/:code`) and
 * the sibling lists along it, so the dropdown opens at the right place.
 */
export function RegionCascader({
  value,
  onChange,
  placeholder,
  allowClear = true,
  ...rest
}: RegionCascaderProps) {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [childrenOf, setChildrenOf] = useState<Record<string, Region[]>>({});
  const requested = useRef(new Set<string>());

  const load = useCallback(
    async (parentCode: string) => {
      if (requested.current.has(parentCode)) return;
      requested.current.add(parentCode);
      try {
        const items = await queryClient.fetchQuery(regionChildrenQuery(parentCode));
        setChildrenOf((prev) => ({ ...prev, [parentCode]: items }));
      } catch {
        requested.current.delete(parentCode);
        message.error(t('regions.loadFailed'));
      }
    },
    [queryClient, message],
  );

  useEffect(() => {
    void load(ROOT);
  }, [load]);

  const pathQuery = useQuery({ ...regionPathQuery(value ?? ''), enabled: Boolean(value) });
  const path = value && pathQuery.data?.region.code === value ? pathQuery.data.path : null;

  useEffect(() => {
    for (const ancestor of path?.slice(0, -1) ?? []) void load(ancestor.code);
  }, [path, load]);

  const options = useMemo(() => {
    const build = (parentCode: string): RegionOption[] | undefined =>
      childrenOf[parentCode]?.map((region) => ({
        value: region.code,
        label: region.name,
        isLeaf: !region.hasChildren,
        children: build(region.code),
      }));
    return build(ROOT) ?? [];
  }, [childrenOf]);

  const handleChange = (selected: string[] | undefined) => {
    const codes = selected ?? [];
    const code = codes.at(-1);
    if (!code) {
      onChange?.(null);
      return;
    }
    // what the path query would answer: saves a request when the new value comes back in
    const chosen = codes.map((c, i) =>
      childrenOf[i === 0 ? ROOT : (codes[i - 1] ?? ROOT)]?.find((r) => r.code === c),
    );
    if (chosen.every((r): r is Region => r !== undefined)) {
      const region = chosen.at(-1);
      if (region) queryClient.setQueryData(regionPathQuery(code).queryKey, { region, path: chosen });
    }
    onChange?.(code);
  };

  const cascaderValue = path ? path.map((r) => r.code) : undefined;
  const waiting = Boolean(value) && !path && pathQuery.isPending;

  return (
    <Cascader<RegionOption>
      {...rest}
      options={options}
      value={cascaderValue}
      onChange={(codes) => handleChange(codes as string[] | undefined)}
      loadData={(selected) => {
        const target = selected.at(-1);
        if (target) void load(target.value);
      }}
      changeOnSelect
      allowClear={allowClear}
      placeholder={waiting ? t('app.loading') : (placeholder ?? t('regions.placeholder'))}
      displayRender={(labels) => labels.join(' / ')}
    />
  );
}
