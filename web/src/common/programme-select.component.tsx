import { t } from '../../../common/i18n/index';
import type { Programme } from '../../../common/programmes/programmes.schema';
import { useProgrammeById, useProgrammeSearch } from '../api/options.hooks';
import { SearchSelect } from './search-select.component';

export interface ProgrammeSelectProps {
  value?: string | null | undefined;
  onChange?: (id: string | undefined) => void;
  allowClear?: boolean;
  className?: string;
  style?: React.CSSProperties;
  placeholder?: string;
  'aria-label'?: string;
}

/** Picks a programme the user may see, searched on the server as the user types. */
export function ProgrammeSelect(props: ProgrammeSelectProps) {
  return (
    <SearchSelect<Programme>
      {...props}
      useSearch={useProgrammeSearch}
      useById={useProgrammeById}
      idOf={(p) => p.id}
      labelOf={(p) => p.name}
      errorText={t('programmes.loadFailed')}
    />
  );
}
