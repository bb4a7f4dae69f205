import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Card, Col, Row, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { t } from '../../../common/i18n/index';
import { sectionsFor } from '../app/app.sections';
import { useMe } from '../auth/auth.api';
import { PageHeader } from '../common/page-header.component';
import { HomeItems } from './home-items.component';

interface QuickLink {
  path: string;
  title: string;
  hint: string;
  icon: ReactNode;
}

/**
 * 工作台 (issue 12 line 6): what waits on the caller in each of its roles (GET /api/home), then
 * the sections it may open.
 */
export function HomePage() {
  const me = useMe();
  // the built sections this account may open, then 安全设置 (everyone has it)
  const links: QuickLink[] = [
    ...sectionsFor(me.roles).flatMap((section) =>
      section.hint && !section.upcoming
        ? [{ path: section.path, title: t(section.label), hint: t(section.hint), icon: section.icon }]
        : [],
    ),
    {
      path: '/security',
      title: t('menu.security'),
      hint: t('dashboard.securityHint'),
      icon: <SafetyCertificateOutlined />,
    },
  ];
  return (
    <>
      <PageHeader title={t('menu.dashboard')} />
      <Card style={{ marginBottom: 16 }}>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {t('dashboard.welcome', { name: me.displayName })}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('dashboard.intro')}</Typography.Paragraph>
        <div>
          {me.roles.map((role) => (
            <Tag key={role} color="blue">
              {t(`role.${role}`)}
            </Tag>
          ))}
        </div>
      </Card>
      <Typography.Title level={5}>{t('home.pending')}</Typography.Title>
      <HomeItems />
      <Typography.Title level={5}>{t('dashboard.quickLinks')}</Typography.Title>
      <Row gutter={[16, 16]}>
        {links.map((link) => (
          <Col key={link.path} xs={24} sm={12} lg={8}>
            <Link to={link.path} aria-label={t('dashboard.open', { name: link.title })}>
              <Card hoverable style={{ height: '100%' }}>
                <Card.Meta
                  avatar={
                    <span className="dashboard-link__icon" aria-hidden>
                      {link.icon}
                    </span>
                  }
                  title={link.title}
                  description={link.hint}
                />
              </Card>
            </Link>
          </Col>
        ))}
      </Row>
    </>
  );
}
