import { SettingOutlined } from '@ant-design/icons';
import { Button, Checkbox, Flex, Popover, Typography } from 'antd';
import { t } from '../../../common/i18n/index';

export interface ColumnChoiceProps {
  /** The columns the user may hide, with their titles. */
  columns: { key: string; title: string }[];
  hidden: string[];
  onChange: (hidden: string[]) => void;
}

/** 列设置: a popover of checkboxes, one per optional column. */
export function ColumnChoice({ columns, hidden, onChange }: ColumnChoiceProps) {
  const shown = columns.filter((c) => !hidden.includes(c.key)).map((c) => c.key);
  const content = (
    <Flex vertical gap={8}>
      <Typography.Text type="secondary">{t('cadreList.columnsHint')}</Typography.Text>
      <Checkbox.Group
        value={shown}
        onChange={(checked) => onChange(columns.map((c) => c.key).filter((key) => !checked.includes(key)))}
      >
        <Flex vertical gap={4}>
          {columns.map((c) => (
            <Checkbox key={c.key} value={c.key}>
              {c.title}
            </Checkbox>
          ))}
        </Flex>
      </Checkbox.Group>
      <Button size="small" onClick={() => onChange([])} disabled={hidden.length === 0}>
        {t('cadreList.columnsReset')}
      </Button>
    </Flex>
  );
  return (
    <Popover content={content} title={t('cadreList.columns')} trigger="click" placement="bottomRight">
      <Button icon={<SettingOutlined aria-hidden />}>{t('cadreList.columns')}</Button>
    </Popover>
  );
}
