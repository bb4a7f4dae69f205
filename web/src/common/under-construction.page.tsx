import { ToolOutlined } from '@ant-design/icons';
import { Button, Card, Result } from 'antd';
import { useNavigate } from 'react-router';
import { t } from '../../../common/i18n/index';
import { PageHeader } from './page-header.component';

export interface UnderConstructionPageProps {
  /** The section's name, e.g. "干部名册". */
  title: string;
  /** One sentence on what the section will do. */
  hint: string;
}

/** Placeholder for a menu section that is not built yet. */
export function UnderConstructionPage({ title, hint }: UnderConstructionPageProps) {
  const navigate = useNavigate();
  return (
    <>
      <PageHeader title={title} />
      <Card>
        <Result
          icon={<ToolOutlined />}
          title={t('common.underConstruction')}
          subTitle={hint}
          extra={<Button onClick={() => navigate('/')}>{t('common.backHome')}</Button>}
        />
      </Card>
    </>
  );
}
