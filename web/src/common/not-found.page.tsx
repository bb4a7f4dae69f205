import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';
import { t } from '../../../common/i18n/index';
import { usePageTitle } from './page-title.hooks';

export function NotFoundPage() {
  usePageTitle(t('common.notFound'));
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title={t('common.notFound')}
      subTitle={t('common.notFoundHint')}
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          {t('common.backHome')}
        </Button>
      }
    />
  );
}
