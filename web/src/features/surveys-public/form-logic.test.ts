import { describe, expect, it } from 'vitest';
import type { TSurveyForm } from '#contracts/surveys/form.ts';
import { checkAnswers, choicesShown } from './form-logic.ts';

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
  it('asks a group only when its relevant holds, and a question inside it by its own', () => {
    const no = checkAnswers(form, { attended: 'no' }, { today: '2026-12-03', language: '' });
    expect(no.asked.has('g') || no.asked.has('channels')).toBe(false);
    const yes = checkAnswers(form, { attended: 'yes', channels: ['zalo'] }, { today: '2026-12-03', language: '' });
    expect(['g', 'channels', 'other'].every((name) => yes.asked.has(name))).toBe(true);
    const radio = checkAnswers(form, { attended: 'yes', channels: ['radio'] }, { today: '2026-12-03', language: '' });
    expect(radio.asked.has('other')).toBe(false);
  });

  it('filters a cascade by the earlier answer', () => {
    const commune = form.items[4];
    if (commune?.kind !== 'question') throw new Error('form');
    expect(choicesShown(form, commune, { province: 'hue' }, '2026-12-03').map((c) => c.name)).toEqual(['c2']);
  });

  it('checks required, constraint with its message, and drops answers of questions not asked', () => {
    const result = checkAnswers(form, { age: 15, attended: 'no', channels: ['radio'] }, { today: '2026-12-03', language: '' });
    expect(result.errors).toEqual([{ question: 'age', message: 'Tuổi từ 18 đến 120' }]);
    expect(result.answers).toEqual({ attended: 'no' });
    const second = checkAnswers(form, { age: 40, attended: 'yes', channels: ['radio', 'zalo', 'meeting'] }, { today: '2026-12-03', language: '' });
    expect(second.errors.map((error) => error.question)).toEqual(['channels']);
    const third = checkAnswers(form, { age: 40, attended: 'yes' }, { today: '2026-12-03', language: '' });
    expect(third.errors).toEqual([{ question: 'channels', message: 'Câu hỏi bắt buộc: Kênh nào' }]);
  });
});
