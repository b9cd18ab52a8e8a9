import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TRAINING_INDICATORS } from './training-demo-step.ts';

/** The shipped programme packs (read as files: the programmes module owns them). */
const pack = (file: string) =>
  JSON.parse(readFileSync(new URL(`../../programmes/packs/${file}`, import.meta.url), 'utf8')) as { targets: { code: string; rule?: { kind: string; indicator: string; threshold: unknown }; waitsFor?: string }[] };

const ruleOf = (file: string, code: string) => pack(file).targets.find((target) => target.code === code);

describe('the training targets of the seeds read the coverage indicators', () => {
  it('seed 000 i8 and i9 and seed 004 (100% province and district cadres, 80% grassroots) name them, no longer waiting for the module', () => {
    const seed000 = '000-quang-ninh-de-an-dan-van-2019.json';
    const seed004 = '004-dien-bien-nghi-quyet-14-2021.json';
    expect(ruleOf(seed000, 'i8')).toMatchObject({ rule: { kind: 'value', indicator: 'TH_TL_CB_DAN_VAN_TAP_HUAN', threshold: 100 } });
    expect(ruleOf(seed000, 'i9')).toMatchObject({ rule: { kind: 'value', indicator: 'TH_TL_BT_KIEM_TRUONG_THON_TAP_HUAN', threshold: 100 } });
    expect(ruleOf(seed004, '7')).toMatchObject({ rule: { indicator: 'TH_TL_CB_TINH_HUYEN_TAP_HUAN', threshold: 100 } });
    expect(ruleOf(seed004, '7b')).toMatchObject({ rule: { indicator: 'TH_TL_CB_CO_SO_TAP_HUAN', threshold: { commune: 80 } } });
    for (const [file, code] of [[seed000, 'i8'], [seed000, 'i9'], [seed004, '7'], [seed004, '7b']] as const) expect(ruleOf(file, code)?.waitsFor, code).toBeUndefined();
  });

  it('every TH_ code a shipped pack names is an indicator this module adds', () => {
    const defined = new Set(TRAINING_INDICATORS.map((indicator) => indicator.code));
    const named = ['000-quang-ninh-de-an-dan-van-2019.json', '004-dien-bien-nghi-quyet-14-2021.json'].flatMap((file) =>
      pack(file).targets.flatMap((target) => (target.rule?.indicator.startsWith('TH_') ? [target.rule.indicator] : [])),
    );
    expect(named).toHaveLength(4);
    expect(named.filter((code) => !defined.has(code))).toEqual([]);
  });
});
