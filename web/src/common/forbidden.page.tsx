import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';
import { t } from '../../../common/i18n/index';
import { usePageTitle } from './page-title.hooks';

/** A page the account's roles may not use (the server would refuse its requests anyway). */
export function ForbiddenPage() {
  usePageTitle(t('common.forbidden'));
  const navigate = useNavigate();
  return (
    <Result
      status="403"
      title={t('common.forbidden')}
      subTitle={t('common.forbiddenHint')}
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          {t('common.backHome')}
        </Button>
      }
    />
  );
}
