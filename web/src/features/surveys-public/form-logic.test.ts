import { describe, expect, it } from 'vitest';
import type { TSurveyForm } from '#contracts/surveys/form.ts';
import { checkAnswers, choicesShown, evaluate, relevantNames } from './form-logic.ts';

const messages = { required: 'bắt buộc', integer: 'số nguyên', decimal: 'số', date: 'ngày', choice: 'phương án', constraint: 'không hợp lệ' };
const L = (text: string) => ({ '': text });

const form: TSurveyForm = {
  title: 'Khảo sát',
  defaultLanguage: '',
  languages: [''],
  choiceLists: {
    yn: [
      { name: 'yes', label: L('Có') },
      { name: 'no', label: L('Không') },
    ],
    channels: [
      { name: 'meeting', label: L('Họp dân') },
      { name: 'radio', label: L('Loa') },
      { name: 'zalo', label: L('Zalo') },
    ],
    province: [
      { name: 'qt', label: L('Quảng Trị') },
      { name: 'hue', label: L('Huế') },
    ],
    commune: [
      { name: 'c1', label: L('Xã A'), filters: { province: 'qt' } },
      { name: 'c2', label: L('Xã B'), filters: { province: 'hue' } },
    ],
  },
  items: [
    { kind: 'question', name: 'age', label: L('Tuổi'), type: 'integer', required: true, constraint: '. >= 18 and . <= 120', constraintMessage: L('Tuổi từ 18 đến 120') },
    { kind: 'question', name: 'attended', label: L('Có dự họp?'), type: 'select_one', listName: 'yn', required: true },
    {
      kind: 'group',
      name: 'g',
      label: L('Kênh'),
      relevant: "${attended} = 'yes'",
      items: [
        { kind: 'question', name: 'channels', label: L('Kênh nào'), type: 'select_multiple', listName: 'channels', required: true, constraint: 'count-selected(.) <= 2' },
        { kind: 'question', name: 'other', label: L('Khác'), type: 'text', required: false, relevant: "selected(${channels}, 'zalo')" },
      ],
    },
    { kind: 'question', name: 'province', label: L('Tỉnh'), type: 'select_one', listName: 'province', required: false },
    { kind: 'question', name: 'commune', label: L('Xã'), type: 'select_one', listName: 'commune', required: false, choiceFilter: 'province = ${province}' },
  ],
};

describe('form logic (relevant, choice_filter, checks)', () => {
  it('evaluates the XLSForm subset', () => {
    const ctx = { value: (name: string) => ({ a: 3, b: 'x y' })[name] ?? '', self: 5, today: '2026-12-03' };
    expect(evaluate('${a} + 2 * 3 = 9', ctx)).toBe(true);
    expect(evaluate('. > 4 and not(. > 5)', ctx)).toBe(true);
    expect(evaluate("selected(${b}, 'y') or false()", ctx)).toBe(true);
    expect(evaluate('count-selected(${b})', ctx)).toBe(2);
    expect(evaluate('10 div 4', ctx)).toBe(2.5);
    expect(evaluate("today() > '2026-01-01'", ctx)).toBe(true);
    expect(evaluate("${missing} = ''", ctx)).toBe(true);
  });

  it('skips a group whose relevant is false, and a question inside it', () => {
    expect(relevantNames(form, { attended: 'no' }, '2026-12-03').has('channels')).toBe(false);
    const asked = relevantNames(form, { attended: 'yes', channels: ['zalo'] }, '2026-12-03');
    expect(asked.has('channels') && asked.has('other')).toBe(true);
  });

  it('filters a cascade by the earlier answer', () => {
    const commune = form.items[4];
    if (commune?.kind !== 'question') throw new Error('form');
    expect(choicesShown(form, commune, { province: 'hue' }, '2026-12-03').map((c) => c.name)).toEqual(['c2']);
  });

  it('checks required, constraint with its message, and drops answers of questions not asked', () => {
    const result = checkAnswers(form, { age: 15, attended: 'no', channels: ['radio'] }, { today: '2026-12-03', language: '', messages });
    expect(result.errors).toEqual([{ question: 'age', message: 'Tuổi từ 18 đến 120' }]);
    expect(result.answers).toEqual({ attended: 'no' });
    const second = checkAnswers(form, { age: 40, attended: 'yes', channels: ['radio', 'zalo', 'meeting'] }, { today: '2026-12-03', language: '', messages });
    expect(second.errors).toEqual([{ question: 'channels', message: 'không hợp lệ' }]);
    const third = checkAnswers(form, { age: 40, attended: 'yes' }, { today: '2026-12-03', language: '', messages });
    expect(third.errors).toEqual([{ question: 'channels', message: 'bắt buộc' }]);
  });
});
