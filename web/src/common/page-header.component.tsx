import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { usePageTitle } from './page-title.hooks';

export interface PageHeaderProps {
  title: string;
  /** Buttons on the right (wrap below the title on narrow screens). */
  extra?: ReactNode;
}

/** The heading of every page inside the shell; it also sets the document title. */
export function PageHeader({ title, extra }: PageHeaderProps) {
  usePageTitle(title);
  return (
    <Flex align="center" justify="space-between" wrap gap={12} style={{ marginBottom: 16 }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {title}
      </Typography.Title>
      {extra ? (
        <Flex gap={8} wrap>
          {extra}
        </Flex>
      ) : null}
    </Flex>
  );
}
