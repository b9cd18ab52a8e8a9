import { describe, expect, it } from 'vitest';
import type { TSurveyForm } from '#contracts/surveys/form.ts';
import { canonicalNumber, TallyBatch, tallyKeys } from './tally.ts';

const form: TSurveyForm = {
  title: 'Phiếu',
  defaultLanguage: '',
  languages: [''],
  choiceLists: { cn: [{ name: 'a', label: { '': 'A' } }, { name: 'b', label: { '': 'B' } }] },
  items: [
    { kind: 'question', name: 'chon', label: { '': 'Chọn' }, type: 'select_multiple', listName: 'cn', required: false },
    { kind: 'group', name: 'g', label: { '': 'Nhóm' }, items: [{ kind: 'question', name: 'so', label: { '': 'Số' }, type: 'decimal', required: false }] },
    { kind: 'question', name: 'chu', label: { '': 'Chữ' }, type: 'text', required: false },
    { kind: 'question', name: 'bo', label: { '': 'Bỏ' }, type: 'integer', required: false },
  ],
};

describe('survey tally keys', () => {
  it("counts ('', '') once, answered questions with their choices and canonical numbers, skipped and unanswered apart", () => {
    expect(tallyKeys(form, { chon: ['b', 'a'], so: 7.5, chu: 'x' }, { chon: 'answered', so: 'answered', chu: 'answered', bo: 'skipped' })).toEqual([
      ['', ''],
      ['chon', ''],
      ['chon', 'b'],
      ['chon', 'a'],
      ['so', ''],
      ['so', '7.5'],
      ['chu', ''],
      ['bo', '~skipped'],
    ]);
    expect(tallyKeys(form, {}, { chon: 'unanswered' })).toContainEqual(['so', '~unanswered']);
    expect(canonicalNumber('7.50')).toBe('7.5');
  });

  it('adds a batch up by key, cancels a correction that changes nothing, and sorts by question, value, unit, group', () => {
    const batch = new TallyBatch();
    const cells = { chon: 'answered', so: 'unanswered', chu: 'unanswered', bo: 'unanswered' } as const;
    batch.add(form, { unitId: 2, group: 'citizen', answers: { chon: ['a'] }, cells }, 1);
    batch.add(form, { unitId: 1, group: 'citizen', answers: { chon: ['a'] }, cells }, 1);
    batch.add(form, { unitId: 1, group: 'citizen', answers: { chon: ['a'] }, cells }, 1);
    batch.add(form, { unitId: 1, group: 'citizen', answers: { chon: ['a'] }, cells }, -1);
    const deltas = batch.deltas();
    expect(deltas.filter((d) => d.question === 'chon')).toEqual([
      { unitId: 1, group: 'citizen', question: 'chon', value: '', count: 1 },
      { unitId: 2, group: 'citizen', question: 'chon', value: '', count: 1 },
      { unitId: 1, group: 'citizen', question: 'chon', value: 'a', count: 1 },
      { unitId: 2, group: 'citizen', question: 'chon', value: 'a', count: 1 },
    ]);
    expect(deltas[0]).toEqual({ unitId: 1, group: 'citizen', question: '', value: '', count: 1 });
    const none = new TallyBatch();
    none.add(form, { unitId: 1, group: 'citizen', answers: { chon: ['a'] }, cells }, 1);
    none.add(form, { unitId: 1, group: 'citizen', answers: { chon: ['a'] }, cells }, -1);
    expect(none.deltas()).toEqual([]);
  });
});
