import { useEffect } from 'react';
import { t } from '../../../common/i18n/index';

/** Sets `document.title` to "<page> - 挂职干部管理平台" while the page is shown. */
export function usePageTitle(page: string): void {
  useEffect(() => {
    document.title = t('app.title', { page });
  }, [page]);
}
