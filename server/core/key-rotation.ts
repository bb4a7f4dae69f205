import type { Kysely } from 'kysely';
import { record } from '../audit/audit.service.js';
import type { AppContext } from './context.js';
import { type FieldCipher, fieldCipher } from './crypto.js';
import { inTransaction } from './transaction.js';

/**
 * Every column holding a value encrypted under GUAZHI_DATA_KEY (server/core/crypto.ts), with its
 * associated data (the column name the value is bound to) and, where there is one, the blind
 * index computed from the same clear value. A new encrypted column must be added here:
 * `key-rotation.api.test.ts` compares this list with the database's `*_enc` columns.
 */
interface EncryptedColumn {
  column: string;
  /** The GCM associated data: fixed, or per row (an import's rows are bound to its id). */
  aad: string | ((id: string) => string);
  /** The column of the blind index of the same value (HMAC under the derived index key). */
  index?: string;
}
export const ENCRYPTED: readonly { table: string; columns: readonly EncryptedColumn[] }[] = [
  {
    table: 'users',
    columns: [
      { column: 'phoneEnc', aad: 'users.phone' },
      { column: 'idNumberEnc', aad: 'users.id_number', index: 'idNumberIndex' },
      { column: 'totpSecretEnc', aad: 'users.totp_secret' },
      { column: 'totpPendingEnc', aad: 'users.totp_pending' },
    ],
  },
  {
    table: 'cadres',
    columns: [
      { column: 'idNumberEnc', aad: 'cadres.id_number', index: 'idNumberIndex' },
      { column: 'phoneEnc', aad: 'cadres.phone' },
    ],
  },
  { table: 'cadreCorrections', columns: [{ column: 'idNumberEnc', aad: 'cadre_corrections.id_number' }] },
  { table: 'imports', columns: [{ column: 'rows', aad: (id) => `imports.rows/${id}` }] },
];

const BATCH = 500;

/** The listed tables seen as text columns only: all this module reads and writes. */
export type TextTables = Record<string, Record<string, string | null>>;

export interface RotationResult {
  /** Values re-encrypted, per table. */
  rotated: Record<string, number>;
  /** Values already under the new key (a run after one that committed): left as they are. */
  alreadyNew: number;
}

/** A value that neither key decrypts: the rotation stops and nothing is changed. */
export class UndecryptableError extends Error {
  constructor(
    readonly table: string,
    readonly column: string,
    readonly id: string,
  ) {
    super(`${table}.${column} of row ${id} decrypts under neither the current nor the new key`);
  }
}

function tryDecrypt(cipher: FieldCipher, stored: string, aad: string): string | null {
  try {
    return cipher.decrypt(stored, aad);
  } catch {
    return null;
  }
}

/**
 * Re-encrypts every encrypted value (and recomputes its blind index) from `oldKey` under
 * `newKey`, in one transaction, table by table in batches of 500 rows: all or nothing. A value
 * that already decrypts under the new key is left alone, so running it again after a run that
 * committed (the key swap interrupted) changes nothing. One audit row records the counts.
 */
export async function rotateDataKey(
  ctx: AppContext,
  oldKey: Buffer,
  newKey: Buffer,
): Promise<RotationResult> {
  if (oldKey.equals(newKey)) throw new Error('the new data key is the current one');
  const from = fieldCipher(oldKey);
  const to = fieldCipher(newKey);
  const result: RotationResult = { rotated: {}, alreadyNew: 0 };
  await inTransaction(ctx, async (tx) => {
    const db = tx.db as unknown as Kysely<TextTables>;
    for (const { table, columns } of ENCRYPTED) {
      let count = 0;
      let after = '';
      for (;;) {
        const rows = await db
          .selectFrom(table)
          .select(['id', ...columns.map((c) => c.column)])
          .where('id', '>', after)
          .orderBy('id')
          .limit(BATCH)
          .execute();
        for (const row of rows) {
          const id = row.id as string;
          const set: Record<string, string> = {};
          for (const c of columns) {
            const stored = row[c.column];
            if (stored === null || stored === undefined) continue;
            const aad = typeof c.aad === 'string' ? c.aad : c.aad(id);
            const plain = tryDecrypt(from, stored, aad);
            if (plain === null) {
              if (tryDecrypt(to, stored, aad) === null) throw new UndecryptableError(table, c.column, id);
              result.alreadyNew += 1;
              continue;
            }
            set[c.column] = to.encrypt(plain, aad);
            if (c.index) set[c.index] = to.blindIndex(plain, aad);
            count += 1;
          }
          if (Object.keys(set).length > 0)
            await db.updateTable(table).set(set).where('id', '=', id).execute();
        }
        if (rows.length < BATCH) break;
        after = rows.at(-1)?.id as string;
      }
      result.rotated[table] = count;
    }
    await record(
      tx,
      { actorId: null, actorName: 'cli:rotate-data-key', ip: null },
      {
        action: 'system.rotateDataKey',
        objectType: 'system',
        diff: Object.fromEntries(Object.entries(result.rotated).map(([table, n]) => [table, { to: n }])),
      },
    );
  });
  return result;
}
