import { CheckOutlined, CopyOutlined } from '@ant-design/icons';
import { App, Button, type ButtonProps } from 'antd';
import { useEffect, useState } from 'react';
import { t } from '../../../common/i18n/index';
import { copyText } from './clipboard.utils';

export interface CopyButtonProps {
  /** The text to copy. */
  text: string;
  /** The button's text; 复制 unless given. */
  label?: string;
  size?: ButtonProps['size'];
  type?: ButtonProps['type'];
}

/** A button that copies `text` and says so (已复制) for a moment. */
export function CopyButton({ text, label, size, type }: CopyButtonProps) {
  const { message } = App.useApp();
  const [copied, setCopied] = useState(false);

  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 2000);
    return () => clearTimeout(timer);
  }, [copied]);

  const copy = async () => {
    if (await copyText(text)) {
      setCopied(true);
      message.success(t('common.copied'));
    } else {
      message.warning(t('common.copyFailed'));
    }
  };

  return (
    <Button
      size={size}
      type={type}
      icon={copied ? <CheckOutlined aria-hidden /> : <CopyOutlined aria-hidden />}
      onClick={() => void copy()}
    >
      {label ?? t('common.copy')}
    </Button>
  );
}
