import { describe, expect, it } from 'vitest';
import type { TSurveyForm } from '#contracts/surveys/form.ts';
import { emptyRow, emptyState, fromForm, moveRow, newKey, toForm, type BuilderState } from './builder.ts';

const L = (text: string) => ({ '': text });

/** A 3-question form with a group, a skip rule, a cascade and a sensitive question, in two languages. */
const FORM: TSurveyForm = {
  title: 'Phiếu thử',
  formId: 'thu',
  defaultLanguage: 'Tiếng Việt',
  languages: ['Tiếng Việt', 'English'],
  choiceLists: {
    yn: [
      { name: 'yes', label: { 'Tiếng Việt': 'Có', English: 'Yes' } },
      { name: 'no', label: { 'Tiếng Việt': 'Không', English: 'No' } },
    ],
    xa: [
      { name: 'a', label: L('Xã A'), filters: { huyen: 'h1' } },
      { name: 'b', label: L('Xã B'), filters: { huyen: 'h2' } },
    ],
  },
  items: [
    { kind: 'question', name: 'attended', label: { 'Tiếng Việt': 'Có dự họp?', English: 'Attended?' }, type: 'select_one', listName: 'yn', required: true, sensitive: true },
    {
      kind: 'group',
      name: 'grp',
      label: L('Nhóm'),
      relevant: "${attended} = 'yes'",
      items: [{ kind: 'question', name: 'commune', label: L('Xã'), type: 'select_one', listName: 'xa', required: false, choiceFilter: "huyen = 'h1'" }],
    },
    { kind: 'question', name: 'age', label: L('Tuổi'), type: 'integer', required: true, constraint: '. >= 18', constraintMessage: L('Từ 18 tuổi') },
  ],
};

const problemsOf = (state: BuilderState) => toForm(state).problems.map((p) => `${p.name}|${p.field}|${p.message}`);

describe('questionnaire builder model', () => {
  it('reads a stored form into rows and lists and gives the same form back (other languages kept)', () => {
    const state = fromForm(FORM);
    expect(state.rows.map((row) => `${row.type}:${row.name}`)).toEqual(['select_one:attended', 'begin_group:grp', 'select_one:commune', 'end_group:', 'integer:age']);
    expect(state.lists.find((list) => list.name === 'xa')?.columns).toEqual(['huyen']);
    const { form, problems } = toForm(state);
    expect(problems).toEqual([]);
    expect(form).toEqual(FORM);
  });

  it('edits in the default language, keeping the others', () => {
    const state = fromForm(FORM);
    state.rows[0] = { ...(state.rows[0] as BuilderState['rows'][number]), label: 'Ông/bà có dự họp?' };
    expect(toForm(state).form?.items[0]?.label).toEqual({ 'Tiếng Việt': 'Ông/bà có dự họp?', English: 'Attended?' });
  });

  it('names every problem by the row: a bad or unknown expression, a missing list, a duplicate name, an unclosed group', () => {
    const state = emptyState('Phiếu');
    const q1 = { ...emptyRow('select_one', 'q1'), label: 'Câu 1' };
    const q2 = { ...emptyRow('text', 'q2'), label: 'Câu 2', relevant: "${q1} = 'yes' and" };
    const q3 = { ...emptyRow('integer', 'q2'), label: 'Câu 3', constraint: '${q9} > 1' };
    expect(problemsOf({ ...state, rows: [q1, q2, q3, emptyRow('begin_group', 'g')] })).toEqual([
      'q1|listName|survey.builder.problem.list',
      'q2|relevant|survey.builder.problem.expression',
      'q2|name|survey.builder.problem.nameTwice',
      'q2|constraint|survey.builder.problem.unknownRef',
      'g|group|survey.builder.problem.beginWithoutEnd',
    ]);
    const detail = toForm({ ...state, rows: [q1, q2] }).problems.find((p) => p.field === 'relevant')?.params?.detail;
    expect(detail).toMatch(/^Biểu thức không hợp lệ ở vị trí 18/);
  });

  it('builds a 3-question form with a skip rule; moving rows changes the order', () => {
    const list = { key: newKey('l'), name: 'yn', columns: [], choices: [{ key: 'c1', name: 'yes', label: 'Có', filters: {} }, { key: 'c2', name: 'no', label: 'Không', filters: {} }] };
    const rows = [
      { ...emptyRow('select_one', 'attended'), label: 'Dự họp?', listName: 'yn', required: true },
      { ...emptyRow('text', 'opinion'), label: 'Ý kiến', relevant: "${attended} = 'yes'" },
      { ...emptyRow('integer', 'age'), label: 'Tuổi' },
    ];
    const moved = moveRow(moveRow(rows, 2, -1), 1, 1);
    expect(moved.map((row) => row.name)).toEqual(['attended', 'opinion', 'age']);
    expect(moveRow(rows, 0, -1).map((row) => row.name)).toEqual(['attended', 'opinion', 'age']);
    const { form, problems } = toForm({ ...emptyState('Phiếu'), rows, lists: [list] });
    expect(problems).toEqual([]);
    expect(form?.items.map((item) => item.name)).toEqual(['attended', 'opinion', 'age']);
    expect(form?.items[1]).toMatchObject({ kind: 'question', type: 'text', relevant: "${attended} = 'yes'", required: false });
  });
});
