import { describe, expect, it } from 'vitest';
import { checkAnswers, visibleChoices } from './answers.ts';
import { ZSurveyForm, type TChoice, type TQuestion, type TSurveyForm } from './form.ts';

const TODAY = '2026-12-03';
const VI = 'Tiếng Việt (vi)';
const EN = 'English (en)';

function q(name: string, type: TQuestion['type'], extra: Partial<TQuestion> = {}): TQuestion {
  return { kind: 'question', name, type, label: { [VI]: `Câu ${name}`, [EN]: `Question ${name}` }, required: false, ...extra };
}
function choices(...names: string[]): TChoice[] {
  return names.map((name) => ({ name, label: { [VI]: name } }));
}

/** A form in the style of seed 001, in two languages, Vietnamese the default. */
const form: TSurveyForm = ZSurveyForm.parse({
  title: 'Khảo sát dân vận',
  defaultLanguage: VI,
  languages: [VI, EN],
  items: [
    q('age', 'integer', { required: true, constraint: '. >= 18 and . < 120', constraintMessage: { [VI]: 'Tuổi từ 18 đến 119', [EN]: 'Age 18 to 119' } }),
    q('income', 'decimal', { constraint: '. >= 0' }),
    q('born', 'date', { constraint: '. <= today()' }),
    q('name', 'text', { required: true, requiredMessage: { [VI]: 'Xin ghi họ tên', [EN]: 'Please give your name' } }),
    q('attends', 'select_one', { listName: 'yesno', required: true }),
    {
      kind: 'group',
      name: 'meetings',
      label: { [VI]: 'Họp thôn' },
      relevant: "${attends} = 'yes'",
      items: [
        { kind: 'note', name: 'meetings_note', label: { [VI]: 'Về các cuộc họp' } },
        q('how_often', 'integer', { required: true }),
        q('issues', 'select_multiple', { listName: 'issues', constraint: 'count-selected(.) <= 3' }),
        q('issues_other', 'text', { relevant: "selected(${issues}, 'other')", required: true }),
      ],
    },
    q('comment', 'text'),
  ],
  choiceLists: { yesno: choices('yes', 'no'), issues: choices('land', 'roads', 'jobs', 'health', 'other') },
});

const valid = { age: 45, name: 'Nguyễn Văn A', attends: 'yes', how_often: 4, issues: 'roads land' };

describe('checkAnswers', () => {
  it('keeps valid answers normalised, in the choice list order for select_multiple, and tells answered, skipped and unanswered apart', () => {
    const r = checkAnswers(form, { ...valid, income: '1,5', born: '1981-02-28', comment: '  ' }, { today: TODAY });
    expect(r.errors).toStrictEqual([]);
    expect(r.answers).toStrictEqual({
      age: 45,
      income: 1.5,
      born: '1981-02-28',
      name: 'Nguyễn Văn A',
      attends: 'yes',
      how_often: 4,
      issues: ['land', 'roads'],
    });
    // only the questions not answered: a question is answered exactly when it is in answers
    expect(r.cells).toStrictEqual({ issues_other: 'skipped', comment: 'unanswered' });
  });

  it('skips a group whose relevant is false: its answers are dropped, its required questions are not errors', () => {
    const r = checkAnswers(form, { ...valid, attends: 'no', how_often: 3, issues: ['other'], issues_other: 'điện' }, { today: TODAY });
    expect(r.errors).toStrictEqual([]);
    expect(r.answers).toStrictEqual({ age: 45, name: 'Nguyễn Văn A', attends: 'no' });
    expect(r.cells.how_often).toBe('skipped');
    expect(r.cells.issues).toBe('skipped');
    expect(r.cells.issues_other).toBe('skipped');
    // unanswered attends: the group is skipped too ('' = 'yes' is false), and attends is a required error
    const u = checkAnswers(form, { age: 45, name: 'A' }, { today: TODAY });
    expect(u.errors).toStrictEqual([{ field: 'attends', message: 'Câu hỏi bắt buộc: Câu attends' }]);
    expect(u.cells).toMatchObject({ attends: 'unanswered', how_often: 'skipped', comment: 'unanswered' });
  });

  it("evaluates a question's own relevant against the answers so far", () => {
    const r = checkAnswers(form, { ...valid, issues: ['other', 'land'] }, { today: TODAY });
    expect(r.errors).toStrictEqual([{ field: 'issues_other', message: 'Câu hỏi bắt buộc: Câu issues_other' }]);
    const ok = checkAnswers(form, { ...valid, issues: ['other', 'land'], issues_other: '  Đường điện  ' }, { today: TODAY });
    expect(ok.errors).toStrictEqual([]);
    expect(ok.answers.issues).toStrictEqual(['land', 'other']);
    expect(ok.answers.issues_other).toBe('Đường điện');
    expect(ok.cells.issues_other).toBeUndefined();
  });

  it('reports required questions with the label, or the required_message in the language asked for', () => {
    const r = checkAnswers(form, { attends: 'no' }, { today: TODAY });
    expect(r.errors).toStrictEqual([
      { field: 'age', message: 'Câu hỏi bắt buộc: Câu age' },
      { field: 'name', message: 'Xin ghi họ tên' },
    ]);
    const en = checkAnswers(form, { attends: 'no', name: '   ' }, { today: TODAY, language: EN });
    expect(en.errors).toStrictEqual([
      { field: 'age', message: 'Câu hỏi bắt buộc: Question age' },
      { field: 'name', message: 'Please give your name' },
    ]);
    expect(en.cells.name).toBe('unanswered');
    // a language the form does not have: the form's default language
    expect(checkAnswers(form, { attends: 'no' }, { today: TODAY, language: 'Français (fr)' }).errors).toStrictEqual(r.errors);
  });

  it('checks constraints with `.`, with the constraint_message or a default message', () => {
    const r = checkAnswers(form, { ...valid, age: 17, income: -2, born: '2026-12-04' }, { today: TODAY });
    expect(r.errors).toStrictEqual([
      { field: 'age', message: 'Tuổi từ 18 đến 119' },
      { field: 'income', message: 'Câu trả lời không thỏa điều kiện của câu hỏi: Câu income' },
      { field: 'born', message: 'Câu trả lời không thỏa điều kiện của câu hỏi: Câu born' },
    ]);
    expect(r.answers.age).toBeUndefined();
    expect(r.cells.age).toBe('unanswered');
    expect(checkAnswers(form, { ...valid, age: 17 }, { today: TODAY, language: EN }).errors).toStrictEqual([
      { field: 'age', message: 'Age 18 to 119' },
    ]);
    expect(checkAnswers(form, { ...valid, born: TODAY }, { today: TODAY }).errors).toStrictEqual([]);
    expect(checkAnswers(form, { ...valid, issues: 'land roads jobs health' }, { today: TODAY }).errors).toStrictEqual([
      { field: 'issues', message: 'Câu trả lời không thỏa điều kiện của câu hỏi: Câu issues' },
    ]);
  });

  it('reads numbers: numeric strings, the Vietnamese decimal comma; refuses the rest', () => {
    const check = (input: Record<string, unknown>) => checkAnswers(form, { ...valid, ...input }, { today: TODAY });
    expect(check({ age: ' 45 ', income: '1,5' }).answers).toMatchObject({ age: 45, income: 1.5 });
    expect(check({ income: ',25' }).answers.income).toBe(0.25);
    // read as -0.25, then refused by the constraint . >= 0
    expect(check({ income: '-0,25' }).errors).toStrictEqual([
      { field: 'income', message: 'Câu trả lời không thỏa điều kiện của câu hỏi: Câu income' },
    ]);
    expect(check({ income: '2.75' }).answers.income).toBe(2.75);
    expect(check({ income: 3 }).answers.income).toBe(3);
    expect(check({ income: '' }).cells.income).toBe('unanswered');
    expect(check({ age: '45.5' }).errors).toStrictEqual([{ field: 'age', message: 'Câu age: cần một số nguyên, nhận được "45.5"' }]);
    expect(check({ age: '1.000' }).errors).toStrictEqual([{ field: 'age', message: 'Câu age: cần một số nguyên, nhận được "1.000"' }]);
    expect(check({ age: 45.5 }).errors).toStrictEqual([{ field: 'age', message: 'Câu age: cần một số nguyên' }]);
    expect(check({ age: 'bốn mươi' }).errors).toStrictEqual([{ field: 'age', message: 'Câu age: cần một số nguyên, nhận được "bốn mươi"' }]);
    expect(check({ income: '1.000,5' }).errors).toStrictEqual([
      { field: 'income', message: 'Câu income: cần một số (ví dụ 1,5), nhận được "1.000,5"' },
    ]);
    expect(check({ income: true }).errors).toStrictEqual([{ field: 'income', message: 'Câu income: cần một số' }]);
    expect(check({ income: Infinity }).errors).toStrictEqual([{ field: 'income', message: 'Câu income: cần một số' }]);
  });

  it('accepts valid calendar dates only', () => {
    const check = (born: unknown) => checkAnswers(form, { ...valid, born }, { today: TODAY });
    expect(check('2024-02-29').errors).toStrictEqual([]);
    const bad = (s: string) => [{ field: 'born', message: `Câu born: ngày không hợp lệ "${s}", cần dạng năm-tháng-ngày (ví dụ 2026-12-03)` }];
    expect(check('2025-02-29').errors).toStrictEqual(bad('2025-02-29'));
    expect(check('2026-13-01').errors).toStrictEqual(bad('2026-13-01'));
    expect(check('2026-04-31').errors).toStrictEqual(bad('2026-04-31'));
    expect(check('03/12/2026').errors).toStrictEqual(bad('03/12/2026'));
    expect(check(20261203).errors).toStrictEqual([{ field: 'born', message: 'Câu born: cần một ngày dạng năm-tháng-ngày (ví dụ 2026-12-03)' }]);
  });

  it('checks choices: a choice of the list, select_multiple as array or space-separated, no duplicates', () => {
    const check = (input: Record<string, unknown>) => checkAnswers(form, { ...valid, ...input }, { today: TODAY });
    expect(check({ attends: 'maybe' }).errors).toStrictEqual([{ field: 'attends', message: 'Câu attends: "maybe" không phải là một lựa chọn của câu hỏi' }]);
    expect(check({ issues: ['land', 'land'] }).errors).toStrictEqual([{ field: 'issues', message: 'Câu issues: lựa chọn "land" bị lặp' }]);
    expect(check({ issues: 'jobs  jobs' }).errors).toStrictEqual([{ field: 'issues', message: 'Câu issues: lựa chọn "jobs" bị lặp' }]);
    expect(check({ issues: ['land', 'schools'] }).errors).toStrictEqual([
      { field: 'issues', message: 'Câu issues: "schools" không phải là một lựa chọn của câu hỏi' },
    ]);
    expect(check({ issues: [] }).cells.issues).toBe('unanswered');
    expect(check({ issues: ' ' }).cells.issues).toBe('unanswered');
    expect(check({ issues: { land: true } }).errors).toStrictEqual([{ field: 'issues', message: 'Câu issues: cần danh sách lựa chọn' }]);
    expect(check({ attends: ['yes'] }).errors).toStrictEqual([{ field: 'attends', message: 'Câu attends: cần một lựa chọn' }]);
    expect(check({ issues: ['land', { x: 1 }] }).errors).toStrictEqual([{ field: 'issues', message: 'Câu issues: cần danh sách lựa chọn' }]);
    // a long list is searched for a repeat as a set (the constraint's count comes after)
    const long = [...Array.from({ length: 20 }, (_, i) => `x${i}`), 'land', 'x3'];
    expect(check({ issues: long }).errors).toStrictEqual([{ field: 'issues', message: 'Câu issues: lựa chọn "x3" bị lặp' }]);
    // the ticked choices are kept in the list's order whatever the order given; in order, as given
    expect(check({ issues: ['other', 'jobs', 'land'] }).answers.issues).toStrictEqual(['land', 'jobs', 'other']);
    expect(check({ issues: [' land ', 'jobs', 'other'] }).answers.issues).toStrictEqual(['land', 'jobs', 'other']);
  });

  it('normalises text to NFC, trimmed', () => {
    const decomposed = 'Nguye\u0302\u0303n'; // "Nguyễn" with combining marks
    const r = checkAnswers(form, { ...valid, name: ` ${decomposed} ` }, { today: TODAY });
    expect(r.answers.name).toBe('Nguyễn');
    expect(r.answers.name).toBe('Nguyễn'.normalize('NFC'));
  });

  it('refuses keys that are not questions of the form, naming them', () => {
    const r = checkAnswers(form, { ...valid, agee: 3, meetings: 'x', meetings_note: 'y' }, { today: TODAY });
    expect(r.errors).toStrictEqual([
      { field: 'agee', message: 'Không có câu hỏi "agee" trong phiếu' },
      { field: 'meetings', message: '"meetings" là nhóm hoặc ghi chú, không phải câu hỏi' },
      { field: 'meetings_note', message: '"meetings_note" là nhóm hoặc ghi chú, không phải câu hỏi' },
    ]);
    expect(r.answers).not.toHaveProperty('agee');
  });

  it('reports an expression that does not parse on its item, and goes on', () => {
    const broken: TSurveyForm = { ...form, items: [q('a', 'integer', { relevant: '${x} >' }), q('b', 'integer', { constraint: '. >> 1' })] };
    const r = checkAnswers(broken, { a: 1, b: 2 }, { today: TODAY });
    expect(r.errors).toStrictEqual([
      { field: 'a', message: 'Biểu thức relevant của "a" lỗi: Biểu thức không hợp lệ ở vị trí 7: cần một giá trị, nhưng gặp hết biểu thức' },
      { field: 'b', message: 'Biểu thức constraint của "b" lỗi: Biểu thức không hợp lệ ở vị trí 4: cần một giá trị, nhưng gặp ">"' },
    ]);
    expect(r.answers).toStrictEqual({ a: 1, b: 2 });
  });

  it('a constraint may name its own question (B1: ${age} > 0 and ${age} < 120)', () => {
    const b1: TSurveyForm = { ...form, items: [q('age', 'integer', { constraint: '${age} > 0 and ${age} < 120', constraintMessage: { '': "That's not a valid age!" } })] };
    expect(checkAnswers(b1, { age: 30 }, { today: TODAY }).errors).toStrictEqual([]);
    expect(checkAnswers(b1, { age: 130 }, { today: TODAY }).errors).toStrictEqual([{ field: 'age', message: "That's not a valid age!" }]);
  });
});

/** A1 (pyxform's choice_filter_test.xlsx): three cascading selects, "king" a county of two states. */
const a1: TSurveyForm = ZSurveyForm.parse({
  title: 'cascading selects',
  formId: 'cascading_selects1',
  defaultLanguage: '',
  languages: [''],
  items: [
    { kind: 'question', name: 'state', type: 'select_one', label: { '': 'state' }, listName: 'states', required: false },
    { kind: 'question', name: 'county', type: 'select_one', label: { '': 'county' }, listName: 'counties', required: false, choiceFilter: '${state}=cf' },
    { kind: 'question', name: 'city', type: 'select_one', label: { '': 'city' }, listName: 'cities', required: false, choiceFilter: '${county}=cf' },
  ],
  choiceLists: {
    states: [
      { name: 'texas', label: { '': 'Texas' } },
      { name: 'washington', label: { '': 'Washington' } },
    ],
    counties: [
      ['king', 'King', 'washington'],
      ['pierce', 'Pierce', 'washington'],
      ['king', 'King', 'texas'],
      ['cameron', 'Cameron', 'texas'],
    ].map(([name, label, cf]) => ({ name, label: { '': label }, filters: { cf } })),
    cities: [
      ['dumont', 'Dumont', 'king'],
      ['finney', 'Finney', 'king'],
      ['brownsville', 'brownsville', 'cameron'],
      ['harlingen', 'harlingen', 'cameron'],
      ['seattle', 'Seattle', 'king'],
      ['redmond', 'Redmond', 'king'],
      ['tacoma', 'Tacoma', 'pierce'],
      ['puyallup', 'Puyallup', 'pierce'],
    ].map(([name, label, cf]) => ({ name, label: { '': label }, filters: { cf } })),
  },
});

describe('choice_filter (A1 cascade)', () => {
  const [state, county, city] = a1.items as TQuestion[];
  const names = (question: TQuestion | undefined, answers: Record<string, string>) =>
    visibleChoices(a1, question as TQuestion, answers, TODAY).map((c) => `${c.name}/${c.filters?.cf ?? ''}`);

  it('shows the choices whose cf column equals the answer above', () => {
    expect(names(state, {})).toStrictEqual(['texas/', 'washington/']);
    expect(names(county, {})).toStrictEqual([]);
    expect(names(county, { state: 'texas' })).toStrictEqual(['king/texas', 'cameron/texas']);
    expect(names(county, { state: 'washington' })).toStrictEqual(['king/washington', 'pierce/washington']);
    expect(names(city, { state: 'washington', county: 'pierce' })).toStrictEqual(['tacoma/pierce', 'puyallup/pierce']);
    // the repeated name "king": the cities filter sees only the county's name, so both kings share their cities
    expect(names(city, { state: 'texas', county: 'king' })).toStrictEqual(['dumont/king', 'finney/king', 'seattle/king', 'redmond/king']);
  });

  it('accepts a choice that passes the filter, refuses one of the list that does not', () => {
    const ok = checkAnswers(a1, { state: 'texas', county: 'king', city: 'dumont' }, { today: TODAY });
    expect(ok.errors).toStrictEqual([]);
    expect(ok.answers).toStrictEqual({ state: 'texas', county: 'king', city: 'dumont' });
    expect(checkAnswers(a1, { state: 'washington', county: 'king', city: 'seattle' }, { today: TODAY }).errors).toStrictEqual([]);
    expect(checkAnswers(a1, { state: 'texas', county: 'pierce', city: 'tacoma' }, { today: TODAY }).errors).toStrictEqual([
      { field: 'county', message: 'county: "pierce" không hợp với các câu trả lời trước' },
      // county was refused, so no city passes the filter
      { field: 'city', message: 'city: "tacoma" không hợp với các câu trả lời trước' },
    ]);
    expect(checkAnswers(a1, { county: 'cameron' }, { today: TODAY }).errors).toStrictEqual([
      { field: 'county', message: 'county: "cameron" không hợp với các câu trả lời trước' },
    ]);
    expect(checkAnswers(a1, { state: 'texas', county: 'austin' }, { today: TODAY }).errors).toStrictEqual([
      { field: 'county', message: 'county: "austin" không phải là một lựa chọn của câu hỏi' },
    ]);
  });

  it('a filter may read the choice name and any column', () => {
    const question: TQuestion = { ...(county as TQuestion), choiceFilter: "${state}=cf and name != 'king'" };
    expect(visibleChoices(a1, question, { state: 'texas' }, TODAY).map((c) => c.name)).toStrictEqual(['cameron']);
  });
});
