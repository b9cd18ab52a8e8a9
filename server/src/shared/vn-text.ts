/** Folds Vietnamese for matching: NFD, strip combining marks, đ → d, lower case ("Quảng Trị" → "quang tri"). */
export function foldVi(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

const collator = new Intl.Collator('vi', { numeric: true });
/** Vietnamese alphabetical order (a ă â b c d đ e ê …), numbers by value ("Thôn 2" before "Thôn 10"). */
export const compareVi = (a: string, b: string) => collator.compare(a, b);
