import { RightOutlined } from '@ant-design/icons';
import { Card, Empty, List, Skeleton, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { HomeSection } from '../../../common/home/home.schema';
import { t } from '../../../common/i18n/index';
import { ErrorState } from '../common/error-state.component';
import { useHome } from './home.api';

/** One role's pending work: each item a link to the page where it is done, or what to do when none. */
function SectionCard({ section }: { section: HomeSection }) {
  return (
    <Card
      title={section.title}
      size="small"
      style={{ marginBottom: 16 }}
      data-testid={`home-${section.role}`}
    >
      {section.items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={section.empty} />
      ) : (
        <List
          dataSource={section.items}
          renderItem={(item) => (
            <List.Item>
              <Link
                to={item.link}
                aria-label={t('home.open', { title: item.title })}
                className="home-item"
                style={{ display: 'flex', width: '100%', alignItems: 'center', gap: 8 }}
              >
                <span style={{ flex: 1 }}>
                  <Typography.Text strong>{item.title}</Typography.Text>
                  {item.urgent ? (
                    <Tag color="orange" style={{ marginInlineStart: 8 }}>
                      {t('home.urgent')}
                    </Tag>
                  ) : null}
                  {item.detail ? (
                    <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
                      {item.detail}
                    </Typography.Paragraph>
                  ) : null}
                  {item.next ? (
                    <Typography.Paragraph style={{ margin: 0 }}>
                      {t('home.next', { next: item.next })}
                    </Typography.Paragraph>
                  ) : null}
                </span>
                <RightOutlined aria-hidden />
              </Link>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

/** 我的待办: the sections of GET /api/home. */
export function HomeItems() {
  const home = useHome();
  if (home.isPending) return <Skeleton active />;
  if (home.isError)
    return <ErrorState title={t('home.loadFailed')} error={home.error} onRetry={() => home.refetch()} />;
  if (home.data.sections.length === 0)
    return <Typography.Paragraph type="secondary">{t('home.noRoles')}</Typography.Paragraph>;
  return (
    <>
      {home.data.sections.map((section) => (
        <SectionCard key={section.role} section={section} />
      ))}
    </>
  );
}
