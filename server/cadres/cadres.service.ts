import { randomUUID } from 'node:crypto';
import type { Action } from '../../common/access/policy.js';
import {
  PHOTO_LIMIT,
  PHOTO_MAX_BYTES,
  PHOTO_MAX_SIDE,
  photoTooLarge,
} from '../../common/cadres/cadre-photo.js';
import {
  CADRE_RECORD_ACTIONS,
  type Cadre,
  type CadreDetail,
  type CadreDetailView,
  type CadreListParams,
  type CadreUpdateValues,
  type CadreValues,
  type ResumeEntry,
} from '../../common/cadres/cadres.schema.js';
import { EXPERTISE_TAGS } from '../../common/cadres/expertise.js';
import type { Page } from '../../common/http/paging.schema.js';
import { t } from '../../common/i18n/index.js';
import { identityMismatches } from '../../common/personal/id-number.js';
import { maskIdNumber, maskPhone } from '../../common/personal/mask.js';
import { diffOf, record, recordManyWhile, whoOf } from '../audit/audit.service.js';
import { allowedOn } from '../core/allowed.js';
import { type Actor, type AppContext, authorOf } from '../core/context.js';
import { type Executor, fromFlag, toFlag } from '../core/database.js';
import { AppError, fieldError, notFound, versionConflict } from '../core/errors.js';
import { reencodeAsJpeg } from '../core/image.js';
import { whenLongOnWorker } from '../core/offload.js';
import { pinyinKeys } from '../core/pinyin.js';
import { assertReaches, assertWritable, reaches } from '../core/scope.js';
import { inTransaction } from '../core/transaction.js';
import { updateVersioned } from '../core/versioned.js';
import { findRegion } from '../regions/regions.repository.js';
import { findUnit, UNIT_REACH } from '../units/units.repository.js';
import * as repo from './cadres.repository.js';
import { ID_COLUMN, type Person, PHONE_COLUMN, type Sealed, sealWith } from './cadres.sealed.js';

/** The blind index of an ID number, as the registry looks cadres up by it (imports too). */
export const idNumberIndexOf = (ctx: Pick<AppContext, 'cipher'>, idNumber: string): string =>
  ctx.cipher.blindIndex(idNumber, ID_COLUMN);

/** Loads a cadre the caller keeps (or, for self-service actions, its own record). */
async function reachable(db: Executor, actor: Actor, id: string): Promise<repo.CadreView> {
  const row = await repo.findCadre(db, id);
  if (!row) throw notFound();
  if (reaches(actor.scope, repo.CADRE_REACH, row)) return row;
  // a nominee the 组织部 reads but does not keep: "not allowed", not "not found"
  const nominations = await repo.nominationParties(db, id);
  assertWritable(actor.scope, repo.CADRE_REACH, { ...row, nominations }, repo.CADRE_READ_REACH);
  return row;
}

/**
 * A cadre the caller may read: one it keeps, or one nominated to a programme it runs
 * (`CADRE_READ_REACH`). A write never gets that far: the nominations only count for reading.
 */
async function readable(db: Executor, actor: Actor, id: string): Promise<repo.CadreView> {
  const row = await repo.findCadre(db, id);
  if (!row) throw notFound();
  if (reaches(actor.scope, repo.CADRE_REACH, row)) return row;
  const nominations = await repo.nominationParties(db, id);
  assertReaches(actor.scope, repo.CADRE_READ_REACH, { ...row, nominations });
  return row;
}

/**
 * A cadre as answers show it: ID number and phone in their stored masked forms (no decryption
 * for lists), or decrypted in full when `full` (the caller checks and audits that permission).
 */
function toCadre(ctx: AppContext, row: repo.CadreView, expertise: string[], full = false): Cadre {
  return {
    id: row.id,
    name: row.name,
    gender: row.gender as Cadre['gender'],
    ethnicity: row.ethnicity as Cadre['ethnicity'],
    politicalStatus: row.politicalStatus as Cadre['politicalStatus'],
    birthDate: row.birthDate,
    idNumber: full ? ctx.cipher.decrypt(row.idNumberEnc, ID_COLUMN) : row.idNumberMasked,
    phone: full ? (row.phoneEnc ? ctx.cipher.decrypt(row.phoneEnc, PHONE_COLUMN) : null) : row.phoneMasked,
    education: row.education as Cadre['education'],
    degree: row.degree as Cadre['degree'],
    school: row.school,
    major: row.major,
    unitId: row.unitId,
    unitName: row.unitName,
    regionName: row.regionName,
    position: row.position,
    rankLevel: row.rankLevel as Cadre['rankLevel'],
    rankKind: row.rankKind as Cadre['rankKind'],
    reserve: fromFlag(row.reserve),
    expertise,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** Overlapping résumé periods: a warning, not an error (part-time posts overlap legitimately). */
export function resumeWarnings(resume: ResumeEntry[]): { code: string; message: string }[] {
  const entries = resume
    .map((r, i) => ({ ...r, n: i + 1 }))
    .sort((a, b) => a.fromMonth.localeCompare(b.fromMonth));
  const out: { code: string; message: string }[] = [];
  for (let i = 1; i < entries.length; i++) {
    const prev = entries[i - 1] as (typeof entries)[number];
    const cur = entries[i] as (typeof entries)[number];
    if ((prev.toMonth ?? '9999-12') > cur.fromMonth) {
      out.push({ code: 'resume.overlap', message: t('cadre.resumeOverlap', { a: prev.n, b: cur.n }) });
    }
  }
  return out;
}

async function detail(ctx: AppContext, db: Executor, row: repo.CadreView): Promise<CadreDetail> {
  const expertise = (await repo.expertiseOf(db, [row.id])).get(row.id) ?? [];
  const resume = (await repo.resumeOf(db, row.id)).map(({ fromMonth, toMonth, unitName, position }) => ({
    fromMonth,
    toMonth,
    unitName,
    position,
  }));
  const relatives = (await repo.relativesOf(db, row.id)).map(({ name, relation, unitName, position }) => ({
    name,
    relation: relation as CadreDetail['relatives'][number]['relation'],
    unitName,
    position,
  }));
  return {
    ...toCadre(ctx, row, expertise),
    resume,
    relatives,
    hasPhoto: await repo.hasPhoto(db, row.id),
    warnings: resumeWarnings(resume),
  };
}

export function list(ctx: AppContext, actor: Actor, params: CadreListParams): Promise<Page<Cadre>> {
  // kept until any cadre, unit, region, expertise or nomination changes (server/core/read-cache.ts)
  const key = `cadres:${JSON.stringify(actor.scope)}:${JSON.stringify(params)}`;
  return ctx.readCache.get(ctx.db, 'registry', key, () => loadPage(ctx, actor, params));
}

async function loadPage(ctx: AppContext, actor: Actor, params: CadreListParams): Promise<Page<Cadre>> {
  if (params.regionCode && !(await findRegion(ctx.db, params.regionCode)))
    return { items: [], total: 0, page: params.page, pageSize: params.pageSize };
  const { rows, ...count } = await repo.listCadres(ctx.db, params, params.regionCode ?? null, actor.scope, {
    cache: ctx.readCache,
    counter: 'registry',
  });
  const expertise = await repo.expertiseOf(
    ctx.db,
    rows.map((r) => r.id),
  );
  return {
    items: rows.map((r) => toCadre(ctx, r, expertise.get(r.id) ?? [])),
    ...count,
    page: params.page,
    pageSize: params.pageSize,
  };
}

/**
 * Every cadre the list's filters give within the caller's scope, page by page, for an export.
 * ID number and phone are masked unless `full` (the caller checks and audits that permission).
 * Returns how many were visited.
 */
export async function forEachPage(
  ctx: AppContext,
  actor: Actor,
  params: Omit<CadreListParams, 'page' | 'pageSize'>,
  options: { full: boolean; pageSize: number; max: number },
  visit: (items: Cadre[]) => void | Promise<void>,
): Promise<number> {
  if (params.regionCode && !(await findRegion(ctx.db, params.regionCode))) return 0;
  const regionCode = params.regionCode ?? null;
  let seen = 0;
  for (let page = 1; seen < options.max; page++) {
    const pageSize = Math.min(options.pageSize, options.max - seen);
    const { rows } = await repo.listCadres(ctx.db, { ...params, page, pageSize }, regionCode, actor.scope);
    if (rows.length === 0) break;
    const expertise = await repo.expertiseOf(
      ctx.db,
      rows.map((r) => r.id),
    );
    await visit(rows.map((r) => toCadre(ctx, r, expertise.get(r.id) ?? [], options.full)));
    seen += rows.length;
    if (rows.length < pageSize) break;
  }
  return seen;
}

/** Each button of the detail page, by the policy line and the reach of the write it makes. */
const RECORD_ACTIONS = CADRE_RECORD_ACTIONS.map((key) => ({
  key,
  action: `cadres.${key}` as Action,
  reach: repo.CADRE_REACH,
}));

export async function get(ctx: AppContext, actor: Actor, id: string): Promise<CadreDetailView> {
  const row = await readable(ctx.db, actor, id);
  return { ...(await detail(ctx, ctx.db, row)), actions: allowedOn(actor, row, RECORD_ACTIONS) };
}

/** The full ID number and phone; each view is audited. */
export async function personal(
  ctx: AppContext,
  actor: Actor,
  id: string,
): Promise<{ idNumber: string; phone: string | null }> {
  const row = await reachable(ctx.db, actor, id);
  const idNumber = ctx.cipher.decrypt(row.idNumberEnc, ID_COLUMN);
  await record(ctx, whoOf(actor), {
    action: 'cadres.viewFull',
    objectType: 'cadre',
    objectId: id,
    diff: { idNumber: { to: maskIdNumber(idNumber) } },
  });
  return { idNumber, phone: row.phoneEnc ? ctx.cipher.decrypt(row.phoneEnc, PHONE_COLUMN) : null };
}

/** Rules shared by create and update. Returns the ID number that applies (new or kept). */
async function check(
  ctx: AppContext,
  db: Executor,
  actor: Actor,
  values: Omit<CadreUpdateValues, 'version'>,
  current: { id: string; idNumber: string; unitId: string; proposal: boolean } | null,
): Promise<string> {
  const selfId = current?.id ?? null;
  const currentIdNumber = current?.idNumber ?? null;
  const unit = await findUnit(db, values.unitId);
  if (!unit) throw fieldError('unitId', 'unit.parentMissing');
  // A record the caller reaches keeps its unit without more ado; a new unit must be one the
  // caller reaches too — except in a cadre's proposal, where the reviewer decides it.
  const placed = values.unitId !== current?.unitId && !current?.proposal;
  if (placed && !reaches(actor.scope, UNIT_REACH, unit)) throw fieldError('unitId', 'scope.unitOutside');
  const idNumber = values.idNumber ?? currentIdNumber;
  if (!idNumber) throw fieldError('idNumber', 'validation.required');
  const [mismatch] = identityMismatches(values, idNumber);
  if (mismatch) throw fieldError(mismatch.field, mismatch.key);
  for (const [i, r] of values.resume.entries()) {
    if (r.toMonth && r.toMonth < r.fromMonth)
      throw fieldError(`resume.${i}.toMonth`, 'cadre.resumeBackwards');
  }
  if (values.idNumber) {
    const clash = await repo.findByIdNumberIndex(db, ctx.cipher.blindIndex(values.idNumber, ID_COLUMN));
    if (clash && clash.id !== selfId) throw idNumberTaken();
  }
  return idNumber;
}

const idNumberTaken = () =>
  new AppError('CONFLICT', {
    messageKey: 'cadre.idNumberTaken',
    fields: [{ field: 'idNumber', message: t('cadre.idNumberTaken') }],
  });

/**
 * The stored columns of a cadre from its values; `idNumberIndex` when the caller has computed it
 * already, `sealed` when the name's search keys and the ciphertexts are made already (`sealWith`:
 * a bulk import makes them all at once, off this thread).
 */
function columns(
  ctx: AppContext,
  values: Omit<CadreUpdateValues, 'version'>,
  idNumberIndex?: string,
  sealed?: Sealed,
) {
  const keys = sealed ? null : pinyinKeys(values.name);
  return {
    name: values.name,
    namePinyin: sealed ? sealed.namePinyin : (keys?.full as string),
    nameInitials: sealed ? sealed.nameInitials : (keys?.initials as string),
    gender: values.gender,
    ethnicity: values.ethnicity,
    politicalStatus: values.politicalStatus,
    birthDate: values.birthDate,
    ...(values.idNumber
      ? {
          idNumberEnc: sealed ? sealed.idNumberEnc : ctx.cipher.encrypt(values.idNumber, ID_COLUMN),
          idNumberIndex: idNumberIndex ?? ctx.cipher.blindIndex(values.idNumber, ID_COLUMN),
          idNumberMasked: maskIdNumber(values.idNumber),
        }
      : {}),
    ...(values.phone !== undefined
      ? {
          phoneEnc: sealed
            ? sealed.phoneEnc
            : values.phone
              ? ctx.cipher.encrypt(values.phone, PHONE_COLUMN)
              : null,
          phoneMasked: values.phone ? maskPhone(values.phone) : null,
        }
      : {}),
    education: values.education,
    degree: values.degree,
    school: values.school,
    major: values.major,
    unitId: values.unitId,
    position: values.position,
    rankLevel: values.rankLevel,
    rankKind: values.rankKind,
    reserve: toFlag(values.reserve),
  };
}

const children = (values: Omit<CadreUpdateValues, 'version'>) => ({
  expertise: [...new Set(values.expertise.map((e) => e.trim()).filter(Boolean))],
  resume: values.resume.map((r) => ({ id: randomUUID(), ...r })),
  relatives: values.relatives.map((r) => ({ id: randomUUID(), ...r })),
});

/** What the audit log keeps of a cadre: masked identifiers, no clear personal data. */
function auditable(d: CadreDetail): Record<string, unknown> {
  const { id: _id, version: _v, createdAt: _c, updatedAt: _u, warnings: _w, hasPhoto: _p, ...rest } = d;
  return { ...rest, resume: d.resume.length, relatives: d.relatives.length };
}

export async function create(ctx: AppContext, actor: Actor, values: CadreValues): Promise<CadreDetail> {
  const id = randomUUID();
  const now = ctx.clock.now().toISOString();
  return inTransaction(ctx, async (tx) => {
    await check(ctx, tx.db, actor, values, null);
    await repo.insertCadre(tx.db, {
      id,
      userId: null,
      ...(columns(ctx, values) as ReturnType<typeof columns> & {
        idNumberEnc: string;
        idNumberIndex: string;
        idNumberMasked: string;
      }),
      version: 1,
      createdAt: now,
      updatedAt: now,
      createdBy: authorOf(actor),
      updatedBy: authorOf(actor),
    });
    await repo.replaceChildren(tx.db, id, children(values));
    const after = await detail(ctx, tx.db, (await repo.findCadre(tx.db, id)) as repo.CadreView);
    await record(tx, whoOf(actor), {
      action: 'cadres.create',
      objectType: 'cadre',
      objectId: id,
      diff: diffOf(null, auditable(after)),
    });
    return after;
  });
}

/** Values a created cadre's audit row records otherwise than as given (masked, or counted). */
const LISTED_APART = new Set(['idNumber', 'phone', 'resume', 'relatives', 'expertise']);

/**
 * Creates many cadres at once inside the caller's transaction (an Excel import). The rules of
 * `create` — unit found and in scope, birth date and gender as the ID number says, résumé in
 * order, ID number neither in the registry nor twice in the batch — are checked for every item
 * before anything is written; the first refusal is thrown through `refuse(index, error)`.
 * Then multi-row inserts and the same audit row per cadre as `create` writes. For a long batch
 * the names' search keys, the ciphertexts and the audit rows are made on the worker thread
 * (server/core/offload.ts) while this thread checks the ID numbers and writes the rows.
 */
export async function createMany(
  ctx: AppContext,
  actor: Actor,
  items: CadreValues[],
  refuse: (index: number, error: AppError) => Error,
): Promise<void> {
  const { db } = ctx;
  const units = new Map<string, Awaited<ReturnType<typeof findUnit>>>();
  for (const [i, values] of items.entries()) {
    if (!units.has(values.unitId)) units.set(values.unitId, await findUnit(db, values.unitId));
    const unit = units.get(values.unitId);
    if (!unit) throw refuse(i, fieldError('unitId', 'unit.parentMissing'));
    if (!reaches(actor.scope, UNIT_REACH, unit)) throw refuse(i, fieldError('unitId', 'scope.unitOutside'));
    const [mismatch] = identityMismatches(values, values.idNumber);
    if (mismatch) throw refuse(i, fieldError(mismatch.field, mismatch.key));
    for (const [n, r] of values.resume.entries()) {
      if (r.toMonth && r.toMonth < r.fromMonth)
        throw refuse(i, fieldError(`resume.${n}.toMonth`, 'cadre.resumeBackwards'));
    }
  }
  // names' search keys and ciphertexts are made (on the worker thread) while the ID numbers are checked
  const people: Person[] = items.map((v) => ({ name: v.name, idNumber: v.idNumber, phone: v.phone || null }));
  const sealing = whenLongOnWorker<{ dataKey: Uint8Array; people: Person[] }, Sealed[]>(
    items.length,
    {
      module: new URL('./cadres.sealed.js', import.meta.url),
      name: 'seal',
      input: () => ({ dataKey: ctx.config.dataKey, people }),
    },
    () => sealWith(ctx.cipher, people),
  );
  const indexes = items.map((v) => ctx.cipher.blindIndex(v.idNumber, ID_COLUMN));
  const seen = new Set((await repo.findByIdNumberIndexes(db, indexes)).map((r) => r.idNumberIndex));
  for (const [i, index] of indexes.entries()) {
    if (seen.has(index)) throw refuse(i, idNumberTaken());
    seen.add(index);
  }
  const now = ctx.clock.now().toISOString();
  const author = authorOf(actor);
  const ids = items.map(() => randomUUID());
  const lists = items.map(children);
  // the audit rows are built (on a worker thread) while the cadres are written
  const appendAudit = await recordManyWhile(
    ctx,
    whoOf(actor),
    items.map((values, i) => {
      const unit = units.get(values.unitId) as NonNullable<Awaited<ReturnType<typeof findUnit>>>;
      // what `auditable()` makes of the stored record, without reading it back
      const created: Record<string, unknown> = {};
      for (const key in values) if (!LISTED_APART.has(key)) created[key] = values[key as keyof CadreValues];
      created.idNumber = maskIdNumber(values.idNumber);
      created.phone = values.phone ? maskPhone(values.phone) : null;
      created.unitName = unit.name;
      created.regionName = unit.regionName;
      created.expertise = [...(lists[i]?.expertise ?? [])].sort();
      created.resume = values.resume.length;
      created.relatives = values.relatives.length;
      return { action: 'cadres.create', objectType: 'cadre', objectId: ids[i], created };
    }),
  );
  const sealed = await sealing;
  await repo.insertCadres(
    db,
    items.map((values, i) => ({
      // the columns' object completed in place: ten thousand rows are not copied once more
      cadre: Object.assign(
        columns(ctx, values, indexes[i], sealed[i]) as ReturnType<typeof columns> & {
          idNumberEnc: string;
          idNumberIndex: string;
          idNumberMasked: string;
        },
        {
          id: ids[i] as string,
          userId: null,
          version: 1,
          createdAt: now,
          updatedAt: now,
          createdBy: author,
          updatedBy: author,
        },
      ),
      ...(lists[i] as ReturnType<typeof children>),
    })),
  );
  await appendAudit();
}

export async function update(
  ctx: AppContext,
  actor: Actor,
  id: string,
  values: CadreUpdateValues,
  options: { proposal?: boolean } = {},
): Promise<CadreDetail> {
  return inTransaction(ctx, async (tx) => {
    const current = await reachable(tx.db, actor, id);
    if (current.version !== values.version) throw versionConflict();
    const before = await detail(ctx, tx.db, current);
    await check(ctx, tx.db, actor, values, {
      id,
      idNumber: ctx.cipher.decrypt(current.idNumberEnc, ID_COLUMN),
      unitId: current.unitId,
      proposal: options.proposal ?? false,
    });
    await updateVersioned(tx.db, 'cadres', id, values.version, {
      ...columns(ctx, values),
      updatedAt: ctx.clock.now().toISOString(),
      updatedBy: authorOf(actor),
    });
    await repo.replaceChildren(tx.db, id, children(values));
    const after = await detail(ctx, tx.db, (await repo.findCadre(tx.db, id)) as repo.CadreView);
    await record(tx, whoOf(actor), {
      action: 'cadres.update',
      objectType: 'cadre',
      objectId: id,
      diff: diffOf(auditable(before), auditable(after)),
    });
    return after;
  });
}

/**
 * Would this update change the record? Compares what the update names (the phone in clear, the
 * résumé and relatives left out when given as they are) — an import in update mode leaves a row
 * that changes nothing alone, so an export re-imported changes nothing (issue 11 line 4).
 */
export async function wouldChange(
  ctx: AppContext,
  actor: Actor,
  id: string,
  values: CadreUpdateValues,
): Promise<boolean> {
  const row = await reachable(ctx.db, actor, id);
  const current = await detail(ctx, ctx.db, row);
  if (values.phone !== undefined) {
    const phone = row.phoneEnc ? ctx.cipher.decrypt(row.phoneEnc, PHONE_COLUMN) : null;
    if (values.phone !== phone) return true;
  }
  const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
  return (Object.keys(values) as (keyof CadreUpdateValues)[])
    .filter((key) => !['version', 'idNumber', 'phone'].includes(key))
    .some((key) => !same(values[key], current[key as keyof CadreDetail]));
}

/** Deletes a cadre and all their personal data; the audit log keeps masked references. */
export async function remove(ctx: AppContext, actor: Actor, id: string, version: number): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const current = await reachable(tx.db, actor, id);
    if (current.version !== version) throw versionConflict();
    const before = await detail(ctx, tx.db, current);
    await repo.deleteCadre(tx.db, id);
    await record(tx, whoOf(actor), {
      action: 'cadres.delete',
      objectType: 'cadre',
      objectId: id,
      diff: diffOf(auditable(before), null),
    });
  });
}

export async function expertise(ctx: AppContext) {
  return { items: await repo.expertiseVocabulary(ctx.db) };
}

export async function ensureExpertise(ctx: Pick<AppContext, 'db'>): Promise<void> {
  await repo.ensureVocabulary(ctx.db, EXPERTISE_TAGS);
}

/** 413 "照片不能超过 2 MB", on the field: the body limit and the service's own check answer alike. */
export const photoTooLargeError = () =>
  new AppError('PAYLOAD_TOO_LARGE', {
    messageKey: 'cadre.photoTooLarge',
    params: { limit: PHOTO_LIMIT },
    fields: [{ field: 'photo', message: photoTooLarge() }],
  });

/**
 * A photo is decoded and kept re-encoded (server/core/image.ts): a JPEG of at most
 * PHOTO_MAX_SIDE pixels on its long side, without metadata; the declared type is not trusted.
 * The scope is checked before the decoding, so no one outside it makes the server decode.
 */
export async function putPhoto(ctx: AppContext, actor: Actor, id: string, content: Buffer): Promise<void> {
  if (content.length > PHOTO_MAX_BYTES) throw photoTooLargeError();
  await reachable(ctx.db, actor, id);
  const photo = await reencodeAsJpeg(content, PHOTO_MAX_SIDE);
  if (!photo.ok)
    throw fieldError('photo', photo.reason === 'type' ? 'cadre.photoType' : 'cadre.photoUnreadable');
  await inTransaction(ctx, async (tx) => {
    await reachable(tx.db, actor, id);
    await repo.putPhoto(tx.db, id, 'image/jpeg', photo.content, ctx.clock.now().toISOString());
    await record(tx, whoOf(actor), {
      action: 'cadres.photo',
      objectType: 'cadre',
      objectId: id,
      diff: { photo: { to: `image/jpeg ${photo.width}×${photo.height}, ${photo.content.length} B` } },
    });
  });
}

export async function getPhoto(
  ctx: AppContext,
  actor: Actor,
  id: string,
): Promise<{ mime: string; content: Buffer }> {
  await readable(ctx.db, actor, id);
  const photo = await repo.getPhoto(ctx.db, id);
  if (!photo) throw notFound();
  return { mime: photo.mime, content: Buffer.from(photo.content) };
}
