import type { TAnswers, TChoice, TQuestion } from '#contracts/surveys/form.ts';

/** What a typed answer means: the value, or why it cannot be read ('unknown' names the token; 'one': several for a select_one). */
export type Parsed = { value: TAnswers[string] | undefined } | { error: 'unknown'; text: string } | { error: 'one' } | { error: 'number' } | { error: 'date' };

/** A choice typed as its number in the list shown (1, 2, 3…) or as its name. */
function choiceOf(token: string, choices: readonly TChoice[]): TChoice | undefined {
  if (/^\d+$/.test(token)) {
    const byNumber = choices[Number(token) - 1];
    if (byNumber) return byNumber;
  }
  return choices.find((choice) => choice.name === token) ?? choices.find((choice) => choice.name.toLowerCase() === token.toLowerCase());
}

/**
 * Reads what the keyer typed for a question: select_one a choice number or name, select_multiple numbers or names
 * separated by spaces (or commas), numbers with a dot or comma, dates as dd/mm/yyyy or yyyy-mm-dd, text as is.
 */
export function parseTyped(question: TQuestion, raw: string, choices: readonly TChoice[]): Parsed {
  const text = raw.trim();
  if (text === '') return { value: undefined };
  switch (question.type) {
    case 'select_one': {
      const tokens = text.split(/[\s,;]+/).filter(Boolean);
      if (tokens.length > 1) return { error: 'one' };
      const choice = choiceOf(tokens[0] ?? '', choices);
      return choice ? { value: choice.name } : { error: 'unknown', text };
    }
    case 'select_multiple': {
      const names: string[] = [];
      for (const token of text.split(/[\s,;]+/).filter(Boolean)) {
        const choice = choiceOf(token, choices);
        if (!choice) return { error: 'unknown', text: token };
        if (!names.includes(choice.name)) names.push(choice.name);
      }
      return { value: names };
    }
    case 'integer':
    case 'decimal': {
      const normal = text.replace(',', '.');
      if (!/^-?\d*\.?\d+$/.test(normal)) return { error: 'number' };
      const value = Number(normal);
      if (question.type === 'integer' && !Number.isInteger(value)) return { error: 'number' };
      return { value };
    }
    case 'date': {
      const vn = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
      if (vn) return { value: `${vn[3]}-${(vn[2] ?? '').padStart(2, '0')}-${(vn[1] ?? '').padStart(2, '0')}` };
      if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return { value: text };
      return { error: 'date' };
    }
    default:
      return { value: raw };
  }
}

/** An answer written back the way it is typed (the second typing's differences, the list of a pending form). */
export function typedText(value: unknown, choices: readonly TChoice[]): string {
  if (value === undefined || value === null || value === '') return '';
  const numberOf = (name: string) => {
    const index = choices.findIndex((choice) => choice.name === name);
    return index >= 0 ? String(index + 1) : name;
  };
  if (Array.isArray(value)) return value.map((name) => numberOf(String(name))).join(' ');
  if (choices.length > 0 && typeof value === 'string') return numberOf(value);
  return typeof value === 'number' ? String(value) : String(value as string);
}

/** An answer as the typing grid reads it back (choices by their names, which parseTyped accepts like numbers). */
export function rawText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.map(String).join(' ');
  return typeof value === 'number' ? String(value) : String(value as string);
}
