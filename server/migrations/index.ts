import type { Migration } from 'kysely';
import * as m20261121090000 from './20261121090000_foundation.js';
import * as m20261122090000 from './20261122090000_access_audit.js';
import * as m20261123090000 from './20261123090000_cadres_programmes.js';
import * as m20261124090000 from './20261124090000_posts_nominations.js';
import * as m20261125090000 from './20261125090000_imports.js';
import * as m20261125100000 from './20261125100000_cadre_list_speed.js';
import * as m20261125110000 from './20261125110000_change_counters.js';
import * as m20261126090000 from './20261126090000_cadre_corrections.js';
import * as m20261126100000 from './20261126100000_drop_redundant_cadre_index.js';
import * as m20261127090000 from './20261127090000_audit_keyed_chain.js';
import * as m20261127100000 from './20261127100000_notifications.js';
import * as m20261127110000 from './20261127110000_status_history.js';
import * as m20261202110000 from './20261202110000_backup_schedule.js';
import * as m20261202120000 from './20261202120000_login_throttle.js';
import * as m20261202130000 from './20261202130000_list_indexes.js';
import * as m20261202140000 from './20261202140000_change_notifications.js';

import * as m20261203100000 from './20261203100000_postings.js';
import * as m20261203110000 from './20261203110000_matching.js';
import * as m20261203120000 from './20261203120000_reminders.js';
import * as m20261203130000 from './20261203130000_post_levels.js';
import * as m20261203140000 from './20261203140000_leave_calendar.js';
// issue 13 line 3: attendance
import * as m20261203150000 from './20261203150000_attendance.js';
// worklog (issue 13 line 4)
import * as m20261203160000 from './20261203160000_worklog.js';
// achievements (issue 13 line 5)
import * as m20261203170000 from './20261203170000_achievements.js';
// documents (issue 14)
import * as m20261203190000 from './20261203190000_documents.js';
// matching: run heartbeats (stale runs)
import * as m20261203200000 from './20261203200000_matching_settings.js';
// assessment (issue 15)
import * as m20261203210000 from './20261203210000_assessment.js';
import * as m20261204100000 from './20261204100000_monthly_reports.js';
// documents: batch generation (issue 14 line 7)
import * as m20261204120000 from './20261204120000_document_batches.js';
import * as m20261204140000 from './20261204140000_appraisals.js';

/**
 * Every migration, by timestamp name. Migrations are frozen in time: they use `Kysely<any>`,
 * import no application code, and run unchanged on SQLite and PostgreSQL.
 */
export const migrations: Record<string, Migration> = {
  '20261121090000_foundation': m20261121090000,
  '20261122090000_access_audit': m20261122090000,
  '20261123090000_cadres_programmes': m20261123090000,
  '20261124090000_posts_nominations': m20261124090000,
  '20261125090000_imports': m20261125090000,
  '20261125100000_cadre_list_speed': m20261125100000,
  '20261125110000_change_counters': m20261125110000,
  '20261126090000_cadre_corrections': m20261126090000,
  '20261126100000_drop_redundant_cadre_index': m20261126100000,
  '20261127090000_audit_keyed_chain': m20261127090000,
  '20261127100000_notifications': m20261127100000,
  '20261127110000_status_history': m20261127110000,
  '20261202110000_backup_schedule': m20261202110000,
  '20261202120000_login_throttle': m20261202120000,
  '20261202130000_list_indexes': m20261202130000,
  '20261202140000_change_notifications': m20261202140000,
  '20261203100000_postings': m20261203100000,
  '20261203110000_matching': m20261203110000,
  '20261203120000_reminders': m20261203120000,
  '20261203130000_post_levels': m20261203130000,
  '20261203140000_leave_calendar': m20261203140000,
  // issue 13 line 3: attendance
  '20261203150000_attendance': m20261203150000,
  // worklog (issue 13 line 4)
  '20261203160000_worklog': m20261203160000,
  // achievements (issue 13 line 5)
  '20261203170000_achievements': m20261203170000,
  // documents (issue 14)
  '20261203190000_documents': m20261203190000,
  // matching: run heartbeats (stale runs)
  '20261203200000_matching_settings': m20261203200000,
  // assessment (issue 15)
  '20261203210000_assessment': m20261203210000,
  // monthly reports (issue 14 line 4)
  '20261204100000_monthly_reports': m20261204100000,
  // documents: batch generation (issue 14 line 7)
  '20261204120000_document_batches': m20261204120000,
  // appraisals (issue 15 line 4)
  '20261204140000_appraisals': m20261204140000,
};
