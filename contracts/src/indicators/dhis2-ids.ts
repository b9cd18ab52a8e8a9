/**
 * DHIS2 identifiers of our objects. An object mapped to a DHIS2 instance carries that instance's uid (`dhis2_uid`
 * columns; the `dhis2_id` table for units). Every other object still has a stable uid of the DHIS2 shape, derived
 * from its id: a kind letter and ten base-62 digits ('u00000004HC' = unit 16,442). Export writes it, import reads
 * it back, so a round trip needs no mapping and no write; a mapped uid always wins over the derived one.
 */

export const DHIS2_OBJECT_KINDS = ['unit', 'dataElement', 'optionCombo', 'dataSet'] as const;
export type Dhis2ObjectKind = (typeof DHIS2_OBJECT_KINDS)[number];

const PREFIX: Record<Dhis2ObjectKind, string> = { unit: 'u', dataElement: 'e', optionCombo: 'c', dataSet: 's' };
const KIND_OF_PREFIX = new Map(Object.entries(PREFIX).map(([kind, prefix]) => [prefix, kind as Dhis2ObjectKind]));
const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const WIDTH = 10;

/** A DHIS2 uid: a letter, then ten letters or digits. */
export const DHIS2_UID = /^[A-Za-z][A-Za-z0-9]{10}$/;

/** DHIS2's uid of the default category option combo (and of our 'default' disaggregation). */
export const DEFAULT_COC_UID = 'HllvX50cXC0';

/** The derived uid of an object: localUid('unit', 16442) = 'u00000004HC'. */
export function localUid(kind: Dhis2ObjectKind, id: number): string {
  if (!Number.isSafeInteger(id) || id <= 0) throw new Error(`not an id: ${id}`);
  let digits = '';
  for (let rest = id; rest > 0; rest = Math.floor(rest / 62)) digits = DIGITS[rest % 62] + digits;
  return PREFIX[kind] + digits.padStart(WIDTH, '0');
}

/** The object a derived uid names, or null for any other text (a DHIS2 instance's uid, a code). */
export function parseLocalUid(uid: string): { kind: Dhis2ObjectKind; id: number } | null {
  if (uid.length !== WIDTH + 1) return null;
  const kind = KIND_OF_PREFIX.get(uid[0] as string);
  if (!kind) return null;
  let id = 0;
  for (const char of uid.slice(1)) {
    const digit = DIGITS.indexOf(char);
    if (digit < 0) return null;
    id = id * 62 + digit;
  }
  return Number.isSafeInteger(id) && id > 0 ? { kind, id } : null;
}
