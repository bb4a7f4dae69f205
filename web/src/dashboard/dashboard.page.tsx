import { BankOutlined } from '@ant-design/icons';
import { Card, Col, Row, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { t } from '../../../common/i18n/index';
import { useMe } from '../auth/auth.api';
import { PageHeader } from '../common/page-header.component';

export function DashboardPage() {
  const me = useMe();
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
      <Typography.Title level={5}>{t('dashboard.quickLinks')}</Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} sm={12} lg={8}>
          <Link to="/units" aria-label={t('dashboard.openUnits')}>
            <Card hoverable>
              <Card.Meta
                avatar={<BankOutlined style={{ fontSize: 28, color: '#1677ff' }} aria-hidden />}
                title={t('menu.units')}
                description={t('dashboard.unitsHint')}
              />
            </Card>
          </Link>
        </Col>
      </Row>
    </>
  );
}
