import { describe, expect, it } from 'vitest';
import type { TSurveyForm } from '#contracts/surveys/form.ts';
import { checkAnswers } from '#contracts/surveys/answers.ts';
import { canonicalNumber, cellState, storedCells, TallyBatch, tallyKeys } from './tally.ts';

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

  it('stores only the questions not answered, and reads the same states and keys back from the stored cells', () => {
    const relevant: TSurveyForm = { ...form, items: [...form.items, { kind: 'question', name: 'sau', label: { '': 'Sau' }, type: 'text', required: false, relevant: '${bo} > 1' }] };
    const checked = checkAnswers(relevant, { chon: ['a'], chu: 'x', bo: '1', sau: 'bỏ qua' }, { today: '2026-12-04' });
    expect(checked.errors).toEqual([]);
    expect(checked.cells).toEqual({ so: 'unanswered', sau: 'skipped' });
    const states = { chon: 'answered', so: 'unanswered', chu: 'answered', bo: 'answered', sau: 'skipped' } as const;
    for (const [name, state] of Object.entries(states)) expect(cellState(checked.answers, checked.cells, name)).toBe(state);
    // a record of every question (as rows written before kept) is stored and read as the same states and keys
    const stored = storedCells(states);
    expect(stored).toEqual({ so: 'unanswered', sau: 'skipped' });
    for (const [name, state] of Object.entries(states)) expect(cellState(checked.answers, stored, name)).toBe(state);
    expect(tallyKeys(relevant, checked.answers, stored)).toEqual(tallyKeys(relevant, checked.answers, states));
    // a name the answers object inherits is not an answer
    expect(cellState({}, {}, 'toString')).toBe('unanswered');
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

describe('survey tally batch', () => {
  it('counts exactly the keys of tallyKeys, over forms sharing questions and repeated choices', () => {
    const other: TSurveyForm = { ...form, items: [form.items[0] as TSurveyForm['items'][number], { kind: 'question', name: 'so', label: { '': 'Số' }, type: 'integer', required: false }] };
    const responses = [
      { form, unitId: 3, group: 'cadre', answers: { chon: ['b', 'a'], so: 7.5, chu: 'x' }, cells: { chon: 'answered', so: 'answered', chu: 'answered', bo: 'skipped' } },
      { form, unitId: 3, group: 'cadre', answers: { chon: ['a', 'a'], so: 7.5 }, cells: { chon: 'answered', so: 'answered', chu: 'unanswered' } },
      { form: other, unitId: 3, group: 'cadre', answers: { so: 7 }, cells: { chon: 'skipped', so: 'answered' } },
      { form: other, unitId: 4, group: 'citizen', answers: { chon: ['b'] }, cells: { chon: 'answered', so: 'unanswered' } },
    ] as const;
    const batch = new TallyBatch();
    const expected = new Map<string, number>();
    for (const r of responses) {
      batch.add(r.form, { unitId: r.unitId, group: r.group, answers: r.answers as never, cells: r.cells as never }, 1);
      for (const [question, value] of tallyKeys(r.form, r.answers as never, r.cells as never)) {
        const key = `${question}|${value}|${r.unitId}|${r.group}`;
        expected.set(key, (expected.get(key) ?? 0) + 1);
      }
    }
    const got = new Map(batch.deltas().map((d) => [`${d.question}|${d.value}|${d.unitId}|${d.group}`, d.count]));
    expect(got).toEqual(expected);
    expect(got.get('chon|a|3|cadre')).toBe(2);
    expect(got.get('so|7.5|3|cadre')).toBe(2);
  });
});
