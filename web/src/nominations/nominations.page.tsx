import { t } from '../../../common/i18n/index';
import { UnderConstructionPage } from '../common/under-construction.page';

/** Placeholder until the module's page is built. */
export function NominationsPage() {
  return <UnderConstructionPage title={t('menu.recommendations')} hint={t('menuHint.recommendations')} />;
}
