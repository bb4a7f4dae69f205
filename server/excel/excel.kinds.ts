import type { ImportKind } from '../../common/excel/excel.schema.js';
import type { ImportKindModule } from './excel.kind.js';
// achievements (issue 13 line 5)
import { achievementsImport } from './kinds/achievements.import.js';
import { cadresImport } from './kinds/cadres.import.js';
import { postsImport } from './kinds/posts.import.js';
import { unitsImport } from './kinds/units.import.js';

/**
 * The import kinds: one module each (`kinds/<kind>.import.ts`). The routes are registered by
 * walking this list (template, upload, commit per kind, each under the kind's action); the
 * kinds themselves are the policy table's `excel.import<Kind>` lines (IMPORT_KINDS), and the
 * type below refuses a kind without its module.
 */
export const IMPORT_KIND_MODULES: { readonly [K in ImportKind]: ImportKindModule<K> } = {
  cadres: cadresImport,
  units: unitsImport,
  posts: postsImport,
  // achievements (issue 13 line 5)
  achievements: achievementsImport,
};

export const kindModule = <K extends ImportKind>(kind: K): ImportKindModule<K> => IMPORT_KIND_MODULES[kind];

/** The columns of a kind's workbook, in order. */
export const columnsOf = (kind: ImportKind) => kindModule(kind).columns();
