import { describe, expect, it } from 'vitest';
import type { TQuestion } from '#contracts/surveys/form.ts';
import { parseTyped, typedText } from './keying.ts';

const choices = [
  { name: 'meeting', label: { '': 'Họp dân' } },
  { name: 'radio', label: { '': 'Loa' } },
  { name: 'zalo', label: { '': 'Zalo' } },
];
const q = (type: TQuestion['type']): TQuestion => ({ kind: 'question', name: 'q', label: { '': 'Câu' }, type, required: false, listName: 'l' });

describe('paper keying: what is typed', () => {
  it('reads choice numbers and names', () => {
    expect(parseTyped(q('select_one'), '2', choices)).toEqual({ value: 'radio' });
    expect(parseTyped(q('select_one'), 'zalo', choices)).toEqual({ value: 'zalo' });
    expect(parseTyped(q('select_one'), '4', choices)).toEqual({ error: 'unknown', text: '4' });
    expect(parseTyped(q('select_one'), '1 2', choices)).toEqual({ error: 'one' });
    expect(parseTyped(q('select_multiple'), '1 3 1', choices)).toEqual({ value: ['meeting', 'zalo'] });
    expect(parseTyped(q('select_multiple'), '1 9', choices)).toEqual({ error: 'unknown', text: '9' });
  });

  it('reads numbers and Vietnamese dates; empty is no answer', () => {
    expect(parseTyped(q('integer'), '42', [])).toEqual({ value: 42 });
    expect(parseTyped(q('integer'), '4.5', [])).toEqual({ error: 'number' });
    expect(parseTyped(q('decimal'), '4,5', [])).toEqual({ value: 4.5 });
    expect(parseTyped(q('date'), '3/12/2026', [])).toEqual({ value: '2026-12-03' });
    expect(parseTyped(q('text'), '   ', [])).toEqual({ value: undefined });
  });

  it('writes answers back as typed', () => {
    expect(typedText(['meeting', 'zalo'], choices)).toBe('1 3');
    expect(typedText('radio', choices)).toBe('2');
    expect(typedText(undefined, choices)).toBe('');
  });
});
