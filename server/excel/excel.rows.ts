import type { CadreValues } from '../../common/cadres/cadres.schema.js';
import type { ImportMode } from '../../common/excel/excel.schema.js';
import { type MessageKey, t } from '../../common/i18n/index.js';
import { isEditablePost, type PostValues, zPostInput } from '../../common/posts/posts.schema.js';
import { type UnitValues, zUnitInput } from '../../common/units/units.schema.js';
import { CADRE_REACH } from '../cadres/cadres.repository.js';
import { idNumberIndexOf } from '../cadres/cadres.service.js';
import type { Actor, AppContext } from '../core/context.js';
import { onWorker, WORKER_FROM } from '../core/offload.js';
import { reaches, regionReached, type Scope } from '../core/scope.js';
import { UNIT_REACH } from '../units/units.repository.js';
import {
  type Checked,
  type Converted,
  convertRows,
  noteIssues,
  type ParsedCadres,
  Problems,
  parseCadreRows,
  UNRESOLVED,
} from './excel.check.js';
import type { ColumnSpec } from './excel.columns.js';
import type { ReadSheet, SheetRow } from './excel.reader.js';
import * as repo from './excel.repository.js';

/**
 * The checks of an import's rows, before anything is stored: each cell against its column
 * (required, enumeration by Chinese label, date, integer), the row against the same Zod schema
 * and rules the API uses, names resolved once for the whole file (units within the caller's
 * scope, open batches), duplicates inside the file and in the database (looked up with one IN
 * query per slice). Every problem is kept with its Excel row and Chinese column header.
 */

const column = (sheet: ReadSheet, key: string) => sheet.columns.find((c) => c.key === key) as ColumnSpec;

/** Two rows with the same key: both are named, on both rows. */
function noteDuplicates<T extends { row: number }>(
  items: T[],
  keyOf: (item: T) => string,
  col: ColumnSpec,
  problems: Problems,
): void {
  const first = new Map<string, number>();
  for (const item of items) {
    const key = keyOf(item);
    const earlier = first.get(key);
    if (earlier === undefined) {
      first.set(key, item.row);
      continue;
    }
    const params = { column: col.header, first: earlier, second: item.row };
    problems.add(earlier, col, t('import.duplicateInFile', { ...params, other: item.row }));
    problems.add(item.row, col, t('import.duplicateInFile', { ...params, other: earlier }));
  }
}

/** `名称（522630）` → name and region code; anything else is a plain name. */
function splitQualified(text: string): { name: string; code: string | null } {
  const m = /^(.+?)\s*[（(]\s*(\d{6}|\d{9})\s*[)）]$/.exec(text);
  return m ? { name: (m[1] as string).trim(), code: m[2] as string } : { name: text, code: null };
}

type Resolution = { id: string } | { problem: MessageKey; params: Record<string, string | number> };

/** Unit names → ids among the units in the caller's scope; one query for the whole file. */
async function unitResolver(ctx: AppContext, scope: Scope, texts: string[]) {
  const names = new Set<string>();
  for (const text of texts) {
    names.add(text);
    names.add(splitQualified(text).name);
  }
  const byName = new Map<string, repo.UnitCandidate[]>();
  for (const unit of await repo.unitsNamed(ctx.db, [...names])) {
    if (!reaches(scope, UNIT_REACH, unit)) continue;
    byName.set(unit.name, [...(byName.get(unit.name) ?? []), unit]);
  }
  return (text: string): Resolution => {
    const exact = byName.get(text);
    const { name, code } = exact ? { name: text, code: null } : splitQualified(text);
    const found = (byName.get(name) ?? []).filter((u) => !code || u.regionCode === code);
    if (found.length === 1) return { id: (found[0] as repo.UnitCandidate).id };
    if (found.length === 0) return { problem: 'import.unitUnknown', params: { name: text.slice(0, 60) } };
    return { problem: 'import.unitAmbiguous', params: { name, count: found.length } };
  };
}

function resolveColumn(
  converted: Converted[],
  col: ColumnSpec,
  resolve: (text: string) => Resolution,
  problems: Problems,
): Map<number, string> {
  const ids = new Map<number, string>();
  for (const c of converted) {
    const text = c.values[col.key];
    if (typeof text !== 'string') continue;
    const r = resolve(text);
    if ('id' in r) ids.set(c.row, r.id);
    else problems.add(c.row, col, t(r.problem, r.params));
  }
  return ids;
}

// cadres

/** A cadre row waiting for commit (kept encrypted as a whole with the rest of the import). */
export interface PendingCadre {
  row: number;
  values: CadreValues;
  /** Filled in the file (in update mode an empty optional cell keeps the record's value). */
  given: { phone: boolean; school: boolean; major: boolean; reserve: boolean; expertise: boolean };
}

/**
 * Checks cadre rows while the sheet is still being read: once a file shows itself long
 * (WORKER_FROM rows), each slice of that many rows goes to the worker thread as soon as it is
 * read (`parseCadreRows`, excel.check.ts); the rest, and a short file whole, are checked here at
 * the end. `done()` gives the checks of every row, in file order.
 */
export function cadreRowChecks(): { onRow(row: SheetRow): void; done(): Promise<ParsedCadres> } {
  let pending: SheetRow[] = [];
  const sent: Promise<ParsedCadres>[] = [];
  return {
    onRow(row) {
      pending.push(row);
      if (pending.length < WORKER_FROM) return;
      const slice = onWorker<SheetRow[], ParsedCadres>(CHECKS, 'parseCadreRows', pending);
      slice.catch(() => {}); // awaited in done(); not unhandled if the file is refused first
      sent.push(slice);
      pending = [];
    },
    async done() {
      const last = parseCadreRows(pending);
      const parts = [...(await Promise.all(sent)), last];
      return {
        converted: parts.flatMap((p) => p.converted),
        parsed: parts.flatMap((p) => p.parsed),
        problems: parts.flatMap((p) => p.problems),
      };
    },
  };
}
const CHECKS = new URL('./excel.check.js', import.meta.url);

export async function checkCadres(
  ctx: AppContext,
  actor: Actor,
  sheet: ReadSheet,
  mode: ImportMode,
  checked: ParsedCadres = parseCadreRows(sheet.rows),
): Promise<Checked<PendingCadre>> {
  const problems = new Problems();
  problems.merge(checked.problems, sheet.columns);
  const { converted } = checked;
  const unitCol = column(sheet, 'unitId');
  const texts = converted.map((c) => c.values.unitId).filter((v): v is string => typeof v === 'string');
  const units = resolveColumn(converted, unitCol, await unitResolver(ctx, actor.scope, texts), problems);
  const parsed = checked.parsed.map((p) => ({
    row: p.row,
    values: { ...p.values, unitId: units.get(p.row) ?? UNRESOLVED },
  }));

  const idCol = column(sheet, 'idNumber');
  noteDuplicates(parsed, (p) => p.values.idNumber, idCol, problems);
  const indexOf = new Map(parsed.map((p) => [p.row, idNumberIndexOf(ctx, p.values.idNumber)]));
  const existing = new Map(
    (await repo.cadresByIdIndex(ctx.db, [...indexOf.values()])).map((m) => [m.idNumberIndex, m]),
  );
  const what = t('import.what.cadre');
  const cellsOf = new Map(converted.map((c) => [c.row, c.values]));
  const items: PendingCadre[] = [];
  for (const p of parsed) {
    const match = existing.get(indexOf.get(p.row) as string);
    if (match && mode === 'reject') problems.add(p.row, idCol, t('import.existsReject', { what }));
    if (match && mode === 'update' && !reaches(actor.scope, CADRE_REACH, match)) {
      problems.add(p.row, idCol, t('import.existsOutside', { what }));
    }
    if (problems.has(p.row)) continue;
    const cells = cellsOf.get(p.row) ?? {};
    items.push({
      row: p.row,
      values: p.values,
      given: {
        phone: p.values.phone !== null,
        school: cells.school !== undefined,
        major: cells.major !== undefined,
        reserve: cells.reserve !== undefined,
        expertise: cells.expertise !== undefined,
      },
    });
  }
  return { items, problems };
}

// units

export interface PendingUnit {
  row: number;
  values: UnitValues;
  /** The parent is a unit created by an earlier row of the same file. */
  parentRow: number | null;
}

export async function checkUnits(
  ctx: AppContext,
  actor: Actor,
  sheet: ReadSheet,
  mode: ImportMode,
): Promise<Checked<PendingUnit>> {
  const problems = new Problems();
  const converted = convertRows(sheet.columns, sheet.rows, problems);
  const regionCol = column(sheet, 'regionCode');
  const parentCol = column(sheet, 'parentId');
  const nameCol = column(sheet, 'name');

  const codes = converted.map((c) => c.values.regionCode).filter((v): v is string => typeof v === 'string');
  const regions = new Set((await repo.regionsCoded(ctx.db, codes)).map((r) => r.code));
  // names in the file and of the parents: one look-up for both
  const names = converted.flatMap((c) =>
    [c.values.name, c.values.parentId]
      .filter((v): v is string => typeof v === 'string')
      .flatMap((v) => [v, splitQualified(v).name]),
  );
  const known = await repo.unitsNamed(ctx.db, names);
  const inScope = known.filter((u) => reaches(actor.scope, UNIT_REACH, u));

  const parsed: PendingUnit[] = [];
  const fileRows: { row: number; name: string; regionCode: string }[] = [];
  for (const c of converted) {
    const v = c.values;
    const code = typeof v.regionCode === 'string' ? v.regionCode : null;
    if (code && /^\d{6}(\d{3})?$/.test(code)) {
      if (!regions.has(code)) problems.add(c.row, regionCol, t('import.regionUnknown', { code }));
      else if (!regionReached(actor.scope, code)) problems.add(c.row, regionCol, t('scope.regionOutside'));
    }
    let parentId: string | null = null;
    let parentRow: number | null = null;
    if (typeof v.parentId === 'string') {
      const { name, code: parentCode } = splitQualified(v.parentId);
      const fits = (n: string, rc: string) =>
        (n === v.parentId || n === name) && (!parentCode || rc === parentCode);
      const inDb = inScope.filter((u) => fits(u.name, u.regionCode));
      const inFile = fileRows.filter(
        (f) =>
          fits(f.name, f.regionCode) && !inDb.some((u) => u.name === f.name && u.regionCode === f.regionCode),
      );
      const total = inDb.length + inFile.length;
      if (total === 1) {
        if (inDb[0]) parentId = inDb[0].id;
        else parentRow = (inFile[0] as { row: number }).row;
      } else if (total > 1) {
        problems.add(c.row, parentCol, t('import.unitAmbiguous', { name, count: total }));
      } else if (
        converted.some((o) => o.row > c.row && (o.values.name === v.parentId || o.values.name === name))
      ) {
        problems.add(c.row, parentCol, t('import.parentLater', { name: v.parentId.slice(0, 60) }));
      } else {
        problems.add(c.row, parentCol, t('import.unitUnknown', { name: v.parentId.slice(0, 60) }));
      }
    }
    const result = zUnitInput.safeParse({
      name: v.name,
      kind: v.kind,
      regionCode: v.regionCode,
      parentId,
      contactName: v.contactName ?? null,
      contactPhone: v.contactPhone ?? null,
    });
    if (!result.success) {
      noteIssues(c.row, result.error.issues, sheet.columns, problems);
      continue;
    }
    fileRows.push({ row: c.row, name: result.data.name, regionCode: result.data.regionCode });
    parsed.push({ row: c.row, values: result.data, parentRow });
  }

  noteDuplicates(parsed, (p) => `${p.values.regionCode}\u0000${p.values.name}`, nameCol, problems);
  const what = t('import.what.unit');
  const items: PendingUnit[] = [];
  for (const p of parsed) {
    const match = known.find((u) => u.name === p.values.name && u.regionCode === p.values.regionCode);
    if (match && mode === 'reject') problems.add(p.row, nameCol, t('import.existsReject', { what }));
    if (match && mode === 'update' && !reaches(actor.scope, UNIT_REACH, match)) {
      problems.add(p.row, nameCol, t('import.existsOutside', { what }));
    }
    // a parent row that has a problem cannot be created: its children cannot be either
    if (p.parentRow !== null && problems.has(p.parentRow)) {
      problems.add(p.row, parentCol, t('import.parentInvalid', { row: p.parentRow }));
    }
    if (!problems.has(p.row)) items.push(p);
  }
  return { items, problems };
}

// post requests

export interface PendingPost {
  row: number;
  values: PostValues;
}

/** Open batches by "项目名称 / 批次名称" or by the batch name alone when that is unique. */
export async function batchLabels(ctx: AppContext): Promise<{ label: string; id: string; name: string }[]> {
  return (await repo.openBatches(ctx.db)).map((b) => ({
    id: b.id,
    name: b.name,
    label: `${b.programmeName} / ${b.name}`,
  }));
}

export async function checkPosts(
  ctx: AppContext,
  actor: Actor,
  sheet: ReadSheet,
  mode: ImportMode,
): Promise<Checked<PendingPost>> {
  const problems = new Problems();
  const converted = convertRows(sheet.columns, sheet.rows, problems);
  const batches = await batchLabels(ctx);
  const resolveBatch = (text: string): Resolution => {
    const normal = text.replace(/\s*\/\s*/g, ' / ');
    const byLabel = batches.filter((b) => b.label === normal);
    const found = byLabel.length ? byLabel : batches.filter((b) => b.name === text);
    if (found.length === 1) return { id: (found[0] as { id: string }).id };
    if (found.length === 0) return { problem: 'import.batchUnknown', params: { name: text.slice(0, 60) } };
    return { problem: 'import.batchAmbiguous', params: { name: text, count: found.length } };
  };
  const batchIds = resolveColumn(converted, column(sheet, 'batchId'), resolveBatch, problems);
  const unitCol = column(sheet, 'unitId');
  const texts = converted.map((c) => c.values.unitId).filter((v): v is string => typeof v === 'string');
  const units = resolveColumn(converted, unitCol, await unitResolver(ctx, actor.scope, texts), problems);

  const inChargeCol = column(sheet, 'inCharge');
  const parsed: PendingPost[] = [];
  for (const c of converted) {
    const v = c.values;
    const inCharge = (v.inCharge as string[] | undefined) ?? [];
    const assist = (v.assist as string[] | undefined) ?? [];
    if (inCharge.length + assist.length === 0) problems.add(c.row, inChargeCol, t('import.dutiesRequired'));
    const result = zPostInput.safeParse({
      batchId: batchIds.get(c.row) ?? UNRESOLVED,
      unitId: units.get(c.row) ?? UNRESOLVED,
      title: v.title,
      level: v.level,
      duties: [
        ...inCharge.map((area) => ({ kind: 'in_charge', area })),
        ...assist.map((area) => ({ kind: 'assist', area })),
      ],
      expertise: v.expertise ?? [],
      headcount: v.headcount,
      notes: v.notes ?? null,
    });
    if (!result.success) {
      noteIssues(c.row, result.error.issues, sheet.columns, problems, (path) =>
        path[0] !== 'duties'
          ? String(path[0])
          : path.length > 1 && Number(path[1]) >= inCharge.length
            ? 'assist'
            : 'inCharge',
      );
      continue;
    }
    parsed.push({ row: c.row, values: result.data });
  }

  const titleCol = column(sheet, 'title');
  const key = (p: { batchId: string; unitId: string; title: string }) =>
    `${p.batchId}\u0000${p.unitId}\u0000${p.title}`;
  noteDuplicates(parsed, (p) => key(p.values), titleCol, problems);
  const existing = new Map(
    (
      await repo.postsOfBatches(
        ctx.db,
        parsed.map((p) => p.values.batchId),
      )
    ).map((p) => [key(p), p]),
  );
  const what = t('import.what.post');
  const items: PendingPost[] = [];
  for (const p of parsed) {
    const match = existing.get(key(p.values));
    if (match && mode === 'reject') problems.add(p.row, titleCol, t('import.existsReject', { what }));
    if (match && mode === 'update' && !isEditablePost(match.status)) {
      problems.add(p.row, titleCol, t('import.existsLocked'));
    }
    if (!problems.has(p.row)) items.push(p);
  }
  return { items, problems };
}
