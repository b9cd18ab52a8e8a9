/** One element of a bulk parameter: numbers, ids, short codes, free text, or null. */
type Element = string | number | boolean | null;

const BARE = /^[0-9A-Za-z_.:+-]+$/;

/**
 * A PostgreSQL array literal ('{1,2,NULL,"a \"b\""}') for the `unnest(${…}::type[])` parameters of bulk
 * statements. The drivers serialize a JavaScript array element by element (escaping every string), which cost
 * the import path more than the rest of its JavaScript; ids, numbers and codes go bare here, and only text that
 * needs it is quoted. Cast the parameter in SQL: `${pgArray(ids)}::bigint[]`.
 */
export function pgArray(values: readonly Element[]): string {
  const parts = new Array<string>(values.length);
  for (let i = 0; i < values.length; i++) {
    const value = values[i] ?? null;
    if (value === null) parts[i] = 'NULL';
    else if (typeof value === 'number') {
      if (!Number.isFinite(value)) throw new Error(`pgArray: ${value} is not a finite number`);
      parts[i] = String(value);
    } else if (typeof value === 'boolean') parts[i] = value ? 't' : 'f';
    else parts[i] = BARE.test(value) && value.toLowerCase() !== 'null' ? value : `"${value.replace(/[\\"]/g, '\\$&')}"`;
  }
  return `{${parts.join(',')}}`;
}
