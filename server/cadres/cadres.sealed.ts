import { type FieldCipher, fieldCipher } from '../core/crypto.js';
import { pinyinKeys } from '../core/pinyin.js';

/** The columns a cadre's ID number and phone are encrypted for (the GCM associated data). */
export const ID_COLUMN = 'cadres.id_number';
export const PHONE_COLUMN = 'cadres.phone';

export interface Person {
  name: string;
  idNumber: string;
  phone: string | null;
}

/** What a cadre's row stores of the name, ID number and phone, besides the masks. */
export interface Sealed {
  namePinyin: string;
  nameInitials: string;
  idNumberEnc: string;
  phoneEnc: string | null;
}

/**
 * The search keys of each name and the ciphertexts of each ID number and phone: the long pure
 * part of writing many cadres. No database and no app context, so that a bulk import runs it
 * on the worker thread (server/core/offload.ts) while it checks the ID numbers in the database.
 */
export function sealWith(cipher: FieldCipher, people: readonly Person[]): Sealed[] {
  return people.map(({ name, idNumber, phone }) => {
    const keys = pinyinKeys(name);
    return {
      namePinyin: keys.full,
      nameInitials: keys.initials,
      idNumberEnc: cipher.encrypt(idNumber, ID_COLUMN),
      phoneEnc: phone ? cipher.encrypt(phone, PHONE_COLUMN) : null,
    };
  });
}

const ciphers = new Map<string, FieldCipher>();

/** `sealWith` for the worker thread, which gets the data key itself (one cipher per key). */
export function seal({ dataKey, people }: { dataKey: Uint8Array; people: readonly Person[] }): Sealed[] {
  const id = Buffer.from(dataKey).toString('base64');
  let cipher = ciphers.get(id);
  if (!cipher) {
    cipher = fieldCipher(Buffer.from(dataKey));
    ciphers.set(id, cipher);
  }
  return sealWith(cipher, people);
}
