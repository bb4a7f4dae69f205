import { ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Flex } from 'antd';
import { t } from '../../../common/i18n/index';

/**
 * 查询 and 重置 at the end of a filter bar. Written for the post requests; the other list
 * filters repeat it and could use it from web/src/common.
 */
export function FilterActions({ onSearch, onReset }: { onSearch: () => void; onReset: () => void }) {
  return (
    <Flex gap={8}>
      <Button type="primary" icon={<SearchOutlined aria-hidden />} onClick={onSearch}>
        {t('common.search')}
      </Button>
      <Button icon={<ReloadOutlined aria-hidden />} onClick={onReset}>
        {t('common.reset')}
      </Button>
    </Flex>
  );
}
