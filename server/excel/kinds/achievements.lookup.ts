import { t } from '../../../common/i18n/index.js';
import {
  activePostingsOfCadres,
  cadresByIdNumberIndex,
  RECEIVING_REACH,
} from '../../achievements/achievements.repository.js';
import { idNumberIndexOf } from '../../cadres/cadres.service.js';
import type { AppContext } from '../../core/context.js';
import { reaches, type Scope } from '../../core/scope.js';
import { columnOf } from '../excel.check.js';
import type { LookupInput } from '../excel.kind.js';
import type { ParsedAchievement, PendingAchievement } from './achievements.check.js';

/**
 * The achievement checks that need the database: the cadre by ID number (the name must match
 * it), and their active posting at a receiving unit of the scope (the importing manager's).
 * Imported rows are new entries, claimed (已申报): re-importing a file adds them again, so the
 * mode makes no difference (ADR 034).
 */
export async function lookupAchievements(
  ctx: AppContext,
  { scope, sheet, parsed, problems }: LookupInput<ParsedAchievement>,
): Promise<PendingAchievement[]> {
  const idCol = columnOf(sheet.columns, 'idNumber');
  const nameCol = columnOf(sheet.columns, 'cadreName');
  const indexOf = new Map(parsed.map((p) => [p.row, idNumberIndexOf(ctx, p.idNumber)]));
  const cadres = new Map(
    (await cadresByIdNumberIndex(ctx.db, [...new Set(indexOf.values())])).map((m) => [m.idNumberIndex, m]),
  );
  const postings = await activePostingsOfCadres(
    ctx.db,
    [...cadres.values()].map((c) => c.id),
  );
  const items: PendingAchievement[] = [];
  for (const p of parsed) {
    const cadre = cadres.get(indexOf.get(p.row) as string);
    if (!cadre) {
      problems.add(p.row, idCol, t('import.achievementCadreUnknown'));
      continue;
    }
    if (cadre.name !== p.cadreName) {
      problems.add(p.row, nameCol, t('import.achievementNameMismatch', { name: p.cadreName.slice(0, 20) }));
      continue;
    }
    const posting = postings.find((ps) => ps.cadreId === cadre.id && reaches(scope, RECEIVING_REACH, ps));
    if (!posting) {
      problems.add(p.row, nameCol, t('import.achievementNoPosting'));
      continue;
    }
    if (!problems.has(p.row)) items.push({ ...p, postingId: posting.id });
  }
  return items;
}

/** No names to offer: the cadre is named by the row itself. */
export async function achievementReferences(_ctx: AppContext, _scope: Scope) {
  return {};
}
