import { t } from '../../../common/i18n/index';
import { UnderConstructionPage } from '../common/under-construction.page';

/** Placeholder until the module's page is built. */
export function ProgrammesPage() {
  return <UnderConstructionPage title={t('menu.projects')} hint={t('menuHint.projects')} />;
}
