import { ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Flex, Input } from 'antd';
import { type ReactNode, useEffect, useState } from 'react';
import { t } from '../../../common/i18n/index';

export interface FilterBarProps {
  /** The text searched for, as the URL has it. */
  value: string | undefined;
  /** Enter or 查询: the trimmed text, or undefined when empty. */
  onSearch: (text: string | undefined) => void;
  /** 重置: clears the box and every filter. */
  onReset: () => void;
  placeholder: string;
  /** The search box's accessible name. */
  label: string;
  maxLength: number;
  /** The search box's width class; `filter-bar__search` by default. */
  searchClassName?: string;
  /** The filters between the search box and the buttons; they apply at once. */
  children: ReactNode;
}

/** A list's filter bar: the search box, the filters, 查询 and 重置. */
export function FilterBar(props: FilterBarProps) {
  const { value, onSearch, onReset, placeholder, label, maxLength, searchClassName, children } = props;
  const [text, setText] = useState(value ?? '');
  // follow the URL when it changes from outside (back button, 重置, a shared link)
  useEffect(() => setText(value ?? ''), [value]);
  const search = () => onSearch(text.trim() || undefined);

  return (
    <Flex wrap gap={8} className="filter-bar" role="search">
      <Input
        className={searchClassName ?? 'filter-bar__search'}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onPressEnter={search}
        placeholder={placeholder}
        aria-label={label}
        prefix={<SearchOutlined />}
        allowClear
        maxLength={maxLength}
      />
      {children}
      <Flex gap={8}>
        <Button type="primary" icon={<SearchOutlined aria-hidden />} onClick={search}>
          {t('common.search')}
        </Button>
        <Button
          icon={<ReloadOutlined aria-hidden />}
          onClick={() => {
            setText('');
            onReset();
          }}
        >
          {t('common.reset')}
        </Button>
      </Flex>
    </Flex>
  );
}
