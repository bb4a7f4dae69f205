import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Cadre } from '../../common/cadres/cadres.schema.js';
import {
  type CadreExportParams,
  EXPORT_MAX_ROWS,
  type UnitExportParams,
} from '../../common/excel/excel.schema.js';
import { t } from '../../common/i18n/index.js';
import type { Unit } from '../../common/units/units.schema.js';
import { record, whoOf } from '../audit/audit.service.js';
import { SlidingWindow } from '../auth/rate-limit.js';
import * as cadres from '../cadres/cadres.service.js';
import type { Actor, AppContext } from '../core/context.js';
import { AppError, outOfScope } from '../core/errors.js';
import { isAllowed } from '../core/policy.js';
import { reaches, regionOverlaps, type Scope } from '../core/scope.js';
import { inTransaction } from '../core/transaction.js';
import { findRegion } from '../regions/regions.repository.js';
import { findUnit, UNIT_REACH } from '../units/units.repository.js';
import * as units from '../units/units.service.js';
import { safeCell } from './excel.cells.js';
import { type ColumnSpec, MARKER_SHEET, markerOf } from './excel.columns.js';
import { formatColumns, HEADER_ROW, NOTES_COLOUR, NOTES_ROW, writeHeader } from './excel.templates.js';

const MASKED_COLOUR = 'FFC00000';

import { cadreColumns } from './kinds/cadres.check.js';
import { unitColumns } from './kinds/units.check.js';

/** Exports per user per minute; more answer 429. */
export const EXPORTS_PER_MINUTE = 10;
const PAGE = 1000;

const limiters = new WeakMap<object, SlidingWindow>();
function limiter(ctx: AppContext): SlidingWindow {
  let w = limiters.get(ctx);
  if (!w) {
    w = new SlidingWindow(ctx, EXPORTS_PER_MINUTE);
    limiters.set(ctx, w);
  }
  return w;
}

function throttle(ctx: AppContext, actor: Actor): void {
  const w = limiter(ctx);
  if (w.isLimited(actor.userId)) throw new AppError('RATE_LIMITED');
  w.add(actor.userId);
}

/**
 * Filters naming something outside the caller's scope are refused (404, audited as denied),
 * never answered with an empty or partial file.
 */
async function checkFilter(
  ctx: AppContext,
  scope: Scope,
  filter: { unitId?: string | undefined; regionCode?: string | undefined },
): Promise<void> {
  if (filter.unitId) {
    const unit = await findUnit(ctx.db, filter.unitId);
    if (!unit || !reaches(scope, UNIT_REACH, unit)) throw outOfScope();
  }
  if (filter.regionCode && !scope.all) {
    const region = await findRegion(ctx.db, filter.regionCode);
    if (!region || !regionOverlaps(scope, region.code)) throw outOfScope();
  }
}

function tooMany(count: number): AppError {
  return new AppError('VALIDATION_FAILED', {
    messageKey: 'export.tooMany',
    params: { count, max: EXPORT_MAX_ROWS },
    fields: [{ field: 'query', message: t('export.tooMany', { count, max: EXPORT_MAX_ROWS }) }],
  });
}

/** A workbook built row by row with exceljs's streaming writer; every text cell escaped. */
/** What is exported: the two registers with a list page. */
type ExportKind = 'cadres' | 'units';

class Sheet {
  readonly #chunks: Buffer[] = [];
  readonly #book: ExcelJS.stream.xlsx.WorkbookWriter;
  readonly #sheet: ExcelJS.Worksheet;
  readonly #kind: ExportKind;
  rows = 0;

  readonly #masked: boolean;

  /**
   * `masked`: personal values are hidden, so the file cannot go back in — its notes row says so
   * and its marker makes an import say so in one line. Unmasked, the notes row is the template's
   * and the file re-imports in update mode.
   */
  constructor(kind: ExportKind, columns: ColumnSpec[], created: Date, masked: boolean) {
    const stream = new PassThrough();
    stream.on('data', (chunk: Buffer) => this.#chunks.push(chunk));
    this.#book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
    this.#book.creator = t('app.name');
    this.#book.created = created;
    this.#sheet = this.#book.addWorksheet(t(`excel.export.${kind}`), {
      views: [{ state: 'frozen', ySplit: 1 }],
    });
    formatColumns(this.#sheet, columns);
    writeHeader(this.#sheet, columns);
    this.#sheet.getRow(HEADER_ROW).commit();
    const notes = this.#sheet.getRow(NOTES_ROW);
    notes.values = masked ? [t('export.maskedNote')] : columns.map((c) => c.note);
    notes.font = { italic: true, color: { argb: masked ? MASKED_COLOUR : NOTES_COLOUR } };
    notes.commit();
    this.#kind = kind;
    this.#masked = masked;
  }

  add(values: (string | number | Date | null)[]): void {
    const row = this.#sheet.addRow(values.map((v) => (typeof v === 'string' ? safeCell(v) : v)));
    row.commit();
    this.rows += 1;
  }

  /** Closes the sheet; the template marker makes the file importable again (in update mode). */
  async finish(): Promise<Buffer> {
    this.#sheet.commit();
    const marker = this.#book.addWorksheet(MARKER_SHEET, { state: 'veryHidden' });
    marker.getCell('A1').value = markerOf(this.#kind, this.#masked);
    marker.getRow(1).commit();
    marker.commit();
    await this.#book.commit();
    return Buffer.concat(this.#chunks);
  }
}

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

function cadreCells(c: Cadre): (string | number | Date | null)[] {
  return [
    c.name,
    t(`gender.${c.gender}`),
    c.ethnicity,
    t(`political.${c.politicalStatus}`),
    day(c.birthDate),
    c.idNumber,
    c.phone,
    t(`education.${c.education}`),
    t(`degree.${c.degree}`),
    c.school,
    c.major,
    c.unitName,
    c.position,
    t(`rankLevel.${c.rankLevel}`),
    t(`rankKind.${c.rankKind}`),
    c.reserve ? t('excel.yes') : t('excel.no'),
    c.expertise.join('、'),
  ];
}

export interface ExportFile {
  name: string;
  content: Buffer;
  rows: number;
}

const fileName = (kind: ExportKind, at: Date) =>
  `${t(`excel.export.${kind}`)}-${at.toISOString().slice(0, 10).replaceAll('-', '')}.xlsx`;

/**
 * The cadres the list's filters give within the caller's scope, as .xlsx. ID numbers and phones
 * are masked unless `full=true` and the caller holds `cadres.exportFull`; every export is
 * audited with its filter and row count (a full one also as `cadres.exportFull`), and rate-limited.
 */
export async function exportCadres(
  ctx: AppContext,
  actor: Actor,
  params: CadreExportParams,
): Promise<ExportFile> {
  throttle(ctx, actor);
  const { full = false, ...filter } = params;
  if (full && !isAllowed('cadres.exportFull', actor.roles)) throw new AppError('FORBIDDEN');
  await checkFilter(ctx, actor.scope, filter);
  const { total } = await cadres.list(ctx, actor, { ...filter, page: 1, pageSize: 1 });
  if (total > EXPORT_MAX_ROWS) throw tooMany(total);
  const now = ctx.clock.now();
  const sheet = new Sheet('cadres', cadreColumns(), now, !full);
  await cadres.forEachPage(ctx, actor, filter, { full, pageSize: PAGE, max: EXPORT_MAX_ROWS }, (items) => {
    for (const c of items) sheet.add(cadreCells(c));
  });
  const content = await sheet.finish();
  await inTransaction(ctx, async (tx) => {
    const diff = { filter: { to: filter }, rows: { to: sheet.rows }, full: { to: full } };
    await record(tx, whoOf(actor), { action: 'excel.export', objectType: 'cadre', diff });
    if (full) await record(tx, whoOf(actor), { action: 'cadres.exportFull', objectType: 'cadre', diff });
  });
  return { name: fileName('cadres', now), content, rows: sheet.rows };
}

function unitCells(u: Unit): (string | number | Date | null)[] {
  return [
    u.name,
    t(`unitKind.${u.kind}`),
    u.regionCode,
    u.parentName,
    u.contactName,
    u.contactPhone,
    u.regionName,
    u.active ? t('export.active') : t('export.inactive'),
  ];
}

/** The units the list's filters give within the caller's scope (contact phones masked, as in the list). */
export async function exportUnits(
  ctx: AppContext,
  actor: Actor,
  params: UnitExportParams,
): Promise<ExportFile> {
  throttle(ctx, actor);
  if (params.parentId) await checkFilter(ctx, actor.scope, { unitId: params.parentId });
  await checkFilter(ctx, actor.scope, { regionCode: params.regionCode });
  const first = await units.list(ctx, actor, { ...params, page: 1, pageSize: 1 });
  if (first.total > EXPORT_MAX_ROWS) throw tooMany(first.total);
  const now = ctx.clock.now();
  const columns: ColumnSpec[] = [
    ...unitColumns(),
    {
      key: 'regionName',
      header: t('excel.col.regionName'),
      note: '',
      required: false,
      type: 'text',
      width: 30,
    },
    { key: 'active', header: t('excel.col.active'), note: '', required: false, type: 'text', width: 8 },
  ];
  const sheet = new Sheet('units', columns, now, true);
  for (let page = 1; sheet.rows < first.total; page++) {
    const { items } = await units.list(ctx, actor, { ...params, page, pageSize: PAGE });
    for (const u of items) sheet.add(unitCells(u));
    if (items.length < PAGE) break;
  }
  const content = await sheet.finish();
  await inTransaction(ctx, (tx) =>
    record(tx, whoOf(actor), {
      action: 'excel.export',
      objectType: 'unit',
      diff: { filter: { to: params }, rows: { to: sheet.rows } },
    }),
  );
  return { name: fileName('units', now), content, rows: sheet.rows };
}
