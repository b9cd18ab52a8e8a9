import { describe, expect, it } from 'vitest';
import type { TSurveyForm } from '#contracts/surveys/form.ts';
import { percentOf, roundHalfUp, summariseNumbers, tabulate, type TallyRow } from './tabulate.ts';

const VI = 'Tiếng Việt (vi)';
const EN = 'English (en)';

/** Seed 001's shape: a multiple choice on the channels, the pressing issues, an age, a text, a date, a sensitive question. */
const form: TSurveyForm = {
  title: 'Khảo sát',
  defaultLanguage: VI,
  languages: [VI, EN],
  items: [
    {
      kind: 'group',
      name: 'kenh',
      label: { [VI]: 'Kênh tiếp nhận', [EN]: 'Channels' },
      items: [
        { kind: 'question', name: 'channels', type: 'select_multiple', listName: 'ch', required: false, label: { [VI]: 'Kênh góp ý', [EN]: 'Channels used' } },
        { kind: 'note', name: 'n1', label: { [VI]: 'Ghi chú' } },
      ],
    },
    { kind: 'question', name: 'issues', type: 'select_multiple', listName: 'iss', required: false, label: { [VI]: 'Vấn đề bức xúc' } },
    { kind: 'question', name: 'visit', type: 'select_one', listName: 'yn', required: true, label: { [VI]: 'Lãnh đạo đến hộ' } },
    { kind: 'question', name: 'age', type: 'integer', required: false, label: { [VI]: 'Tuổi' } },
    { kind: 'question', name: 'household', type: 'integer', required: false, label: { [VI]: 'Số người trong hộ' } },
    { kind: 'question', name: 'area', type: 'decimal', required: false, label: { [VI]: 'Diện tích' } },
    { kind: 'question', name: 'comment', type: 'text', required: false, label: { [VI]: 'Ý kiến khác' } },
    { kind: 'question', name: 'met_on', type: 'date', required: false, label: { [VI]: 'Ngày gặp' } },
    { kind: 'question', name: 'religion', type: 'select_one', listName: 'rel', required: false, sensitive: true, label: { [VI]: 'Tôn giáo' } },
  ],
  choiceLists: {
    ch: [
      { name: 'meeting', label: { [VI]: 'Họp dân', [EN]: 'Meetings' } },
      { name: 'leaders', label: { [VI]: 'Gặp lãnh đạo', [EN]: 'Leaders' } },
      { name: 'media', label: { [VI]: 'Phương tiện thông tin' } },
    ],
    iss: [
      { name: 'land', label: { [VI]: 'Đất đai' } },
      { name: 'environment', label: { [VI]: 'Môi trường' } },
      { name: 'wages', label: { [VI]: 'Tiền lương' } },
      { name: 'security', label: { [VI]: 'An ninh trật tự' } },
    ],
    yn: [
      { name: 'yes', label: { [VI]: 'Có' } },
      { name: 'no', label: { [VI]: 'Không' } },
    ],
    rel: [
      { name: 'none', label: { [VI]: 'Không' } },
      { name: 'buddhism', label: { [VI]: 'Phật giáo' } },
    ],
  },
};

const rows = (question: string, cells: Record<string, number>): TallyRow[] => Object.entries(cells).map(([value, count]) => ({ question, value, count }));

/** 140 submissions, 131 of which answered the channels (5 skipped, 4 left it empty). */
const tally: TallyRow[] = [
  ...rows('', { '': 140 }),
  ...rows('channels', { '': 131, '~skipped': 5, '~unanswered': 4, meeting: 65, leaders: 37, media: 45 }),
  ...rows('issues', { '': 131, '~unanswered': 9, land: 25, environment: 81, wages: 30, security: 34 }),
  ...rows('visit', { '': 140, yes: 56, no: 84 }),
  // ages: 30, 30, 41, 45, 45, 45, 60 (split over two rows of the same value, as two units would give)
  ...rows('age', { '': 7, '~unanswered': 133, '30': 2, '41': 1, '45': 2 }),
  ...rows('age', { '45': 1, '60': 1 }),
  ...rows('household', { '': 4, '~skipped': 136, '3': 2, '4': 2 }),
  ...rows('area', { '': 3, '~unanswered': 137, '3.5': 1, '3.50': 1, '1.25': 1 }),
  ...rows('comment', { '': 12, '~unanswered': 128 }),
  ...rows('met_on', { '': 20, '~skipped': 100, '~unanswered': 20 }),
  ...rows('religion', { '': 140, none: 100, buddhism: 40 }),
];
const options = { base: 'respondents', decimals: 1, language: VI, readSensitive: false } as const;

describe('percentOf: count / base × 100, rounded half-up', () => {
  it('gives the report’s figures for 131 forms where 131 forms can give them', () => {
    expect(percentOf(65, 131, 1)).toBe(49.6); // 49.618…
    expect(percentOf(37, 131, 1)).toBe(28.2); // 28.244…
    // the report says 34.3 %: 45/131 = 34.351… → 34.4 and 44/131 = 33.587… → 33.6: no count of 131 gives 34.3
    expect(percentOf(45, 131, 1)).toBe(34.4);
    expect(percentOf(44, 131, 1)).toBe(33.6);
    expect(percentOf(25, 131, 1)).toBe(19.1);
    expect(percentOf(81, 131, 1)).toBe(61.8);
    expect(percentOf(30, 131, 1)).toBe(22.9);
    // the report's 25.9 %: 34/131 = 25.954… → 26.0, 33/131 = 25.190… → 25.2
    expect(percentOf(34, 131, 1)).toBe(26);
    expect(percentOf(33, 131, 1)).toBe(25.2);
  });

  it('rounds a half up exactly, at every number of decimals', () => {
    expect(percentOf(1, 8, 0)).toBe(13); // 12.5
    expect(percentOf(1, 16, 1)).toBe(6.3); // 6.25
    expect(percentOf(1, 32, 2)).toBe(3.13); // 3.125
    expect(percentOf(1, 64, 3)).toBe(1.563); // 1.5625
    expect(percentOf(1, 3, 2)).toBe(33.33);
    expect(percentOf(2, 3, 1)).toBe(66.7);
    expect(percentOf(2, 3, 0)).toBe(67);
    expect(percentOf(5, 5, 3)).toBe(100);
    expect(percentOf(0, 5, 1)).toBe(0);
    expect(percentOf(0, 0, 1)).toBeNull();
    expect(percentOf(333_333, 1_000_000, 1)).toBe(33.3);
    expect(percentOf(666_667, 1_000_000, 3)).toBe(66.667);
  });

  it('roundHalfUp does not lose halves to binary fractions', () => {
    expect(roundHalfUp(1.005, 2)).toBe(1.01);
    expect(roundHalfUp(42.25, 1)).toBe(42.3);
    expect(roundHalfUp(-2.5, 0)).toBe(-3);
    expect(roundHalfUp(1e-7, 1)).toBe(0);
  });
});

describe('summariseNumbers: from the value histogram', () => {
  it('median of an odd count is the middle value, of an even count the average of the two middle ones', () => {
    const odd = new Map([['30', 2], ['41', 1], ['45', 3], ['60', 1], ['', 7], ['~skipped', 3]]);
    expect(summariseNumbers(odd, 1)).toEqual({ count: 7, mean: 42.3, median: 45, min: 30, max: 60 });
    const even = new Map([['20', 1], ['30', 2], ['41', 1], ['45', 3], ['60', 1]]);
    // 20 30 30 41 | 45 45 45 60: (41 + 45) / 2; mean 316 / 8
    expect(summariseNumbers(even, 1)).toEqual({ count: 8, mean: 39.5, median: 43, min: 20, max: 60 });
    expect(summariseNumbers(new Map([['-2', 1], ['7', 1]]), 0)).toEqual({ count: 2, mean: 3, median: 2.5, min: -2, max: 7 });
    expect(summariseNumbers(undefined, 1)).toEqual({ count: 0, mean: null, median: null, min: null, max: null });
  });
});

describe('tabulate', () => {
  it('every question in form order with labels in the language, choices in list order', () => {
    const { submissions, questions } = tabulate(form, tally, options);
    expect(submissions).toBe(140);
    expect(questions.map((q) => q.name)).toEqual(['channels', 'issues', 'visit', 'age', 'household', 'area', 'comment', 'met_on', 'religion']);
    const channels = questions[0];
    expect(channels).toEqual({
      name: 'channels', label: 'Kênh góp ý', type: 'select_multiple', groups: ['Kênh tiếp nhận'], sensitive: false,
      answered: 131, skipped: 5, unanswered: 4, base: 131,
      choices: [
        { name: 'meeting', label: 'Họp dân', count: 65, base: 131, percent: 49.6 },
        { name: 'leaders', label: 'Gặp lãnh đạo', count: 37, base: 131, percent: 28.2 },
        { name: 'media', label: 'Phương tiện thông tin', count: 45, base: 131, percent: 34.4 },
      ],
    });
    // a select_multiple's percentages add up to more than 100
    expect(channels?.choices?.reduce((sum, c) => sum + (c.percent ?? 0), 0)).toBeCloseTo(112.2, 5);
    expect(questions[1]?.choices?.map((c) => c.percent)).toEqual([19.1, 61.8, 22.9, 26]);
    expect(questions[2]?.choices?.map((c) => [c.count, c.percent])).toEqual([[56, 40], [84, 60]]);
  });

  it('base = submissions divides by every response of the selection', () => {
    const { questions } = tabulate(form, tally, { ...options, base: 'submissions' });
    expect(questions[0]).toMatchObject({ answered: 131, base: 140 });
    expect(questions[0]?.choices?.map((c) => [c.count, c.base, c.percent])).toEqual([[65, 140, 46.4], [37, 140, 26.4], [45, 140, 32.1]]);
  });

  it('numbers: count, mean, median, min, max; text and dates: counts only; skipped and unanswered apart', () => {
    const { questions } = tabulate(form, tally, options);
    const byName = new Map(questions.map((q) => [q.name, q]));
    expect(byName.get('age')).toMatchObject({ answered: 7, skipped: 0, unanswered: 133, numbers: { count: 7, mean: 42.3, median: 45, min: 30, max: 60 } });
    expect(byName.get('household')).toMatchObject({ answered: 4, skipped: 136, numbers: { count: 4, mean: 3.5, median: 3.5, min: 3, max: 4 } });
    // '3.50' and '3.5' are one value: 1.25, 3.5, 3.5
    expect(byName.get('area')?.numbers).toEqual({ count: 3, mean: 2.8, median: 3.5, min: 1.25, max: 3.5 });
    expect(byName.get('age')?.choices).toBeUndefined();
    expect(byName.get('comment')).toEqual({ name: 'comment', label: 'Ý kiến khác', type: 'text', groups: [], sensitive: false, answered: 12, skipped: 0, unanswered: 128, base: 12 });
    expect(byName.get('met_on')).toMatchObject({ answered: 20, skipped: 100, unanswered: 20 });
    expect(byName.get('met_on')?.numbers).toBeUndefined();
  });

  it('a sensitive question without the right: only its existence; with the right: its counts', () => {
    const hidden = tabulate(form, tally, options).questions.find((q) => q.name === 'religion');
    expect(hidden).toEqual({ name: 'religion', label: 'Tôn giáo', type: 'select_one', groups: [], sensitive: true, answered: 0, skipped: 0, unanswered: 0, base: 0 });
    const shown = tabulate(form, tally, { ...options, readSensitive: true }).questions.find((q) => q.name === 'religion');
    expect(shown?.choices?.map((c) => [c.name, c.count, c.percent])).toEqual([['none', 100, 71.4], ['buddhism', 40, 28.6]]);
  });

  it('labels in another language fall back to the default one; decimals apply to percentages and the mean', () => {
    const { questions } = tabulate(form, tally, { ...options, language: EN, decimals: 2 });
    expect(questions[0]).toMatchObject({ label: 'Channels used', groups: ['Channels'] });
    expect(questions[0]?.choices?.map((c) => [c.label, c.percent])).toEqual([['Meetings', 49.62], ['Leaders', 28.24], ['Phương tiện thông tin', 34.35]]);
    expect(questions[3]?.numbers?.mean).toBe(42.29);
  });

  it('an empty selection: zero counts and null percentages; a choice the list no longer has is kept by its code', () => {
    const empty = tabulate(form, [], options);
    expect(empty.submissions).toBe(0);
    expect(empty.questions[0]?.choices?.map((c) => c.percent)).toEqual([null, null, null]);
    expect(empty.questions[3]?.numbers).toEqual({ count: 0, mean: null, median: null, min: null, max: null });
    const withOld = tabulate(form, [...rows('', { '': 2 }), ...rows('visit', { '': 2, yes: 1, maybe: 1 })], options);
    expect(withOld.questions[2]?.choices).toEqual([
      { name: 'yes', label: 'Có', count: 1, base: 2, percent: 50 },
      { name: 'no', label: 'Không', count: 0, base: 2, percent: 0 },
      { name: 'maybe', label: 'maybe', count: 1, base: 2, percent: 50 },
    ]);
  });
});
