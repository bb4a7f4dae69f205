import { Flex, Spin } from 'antd';
import { t } from '../../../common/i18n/index';

/** Waiting for the session or a page's code, before anything else can be shown. */
export function FullPageSpin() {
  return (
    <Flex align="center" justify="center" style={{ minHeight: '60vh' }}>
      <Spin size="large" description={t('app.loading')} />
    </Flex>
  );
}
