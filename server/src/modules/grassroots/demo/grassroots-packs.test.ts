import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FIELD_DAY_INDICATORS } from './grassroots-demo-step.ts';

describe('seed 000 i7 reads the field visits', () => {
  it('the shipped pack judges i7 on the share of cadres with ≥ 3 field days counted from the visits (100 %), an indicator this module adds', () => {
    const pack = JSON.parse(readFileSync(new URL('../../programmes/packs/000-quang-ninh-de-an-dan-van-2019.json', import.meta.url), 'utf8')) as { targets: { code: string; rule?: { indicator: string } }[] };
    const i7 = pack.targets.find((target) => target.code === 'i7');
    expect(i7?.rule).toEqual({ kind: 'value', indicator: 'GR_TL_CB_DI_CO_SO_3_NGAY', comparator: '>=', threshold: 100 });
    expect(FIELD_DAY_INDICATORS.map((indicator) => indicator.code)).toContain(i7?.rule?.indicator);
    expect(FIELD_DAY_INDICATORS[0]).toMatchObject({ numerator: '#{GRASSROOTS_CADRES_3DAYS_COMMUNE} + #{GRASSROOTS_CADRES_3DAYS_PROVINCE}', denominator: '#{GRASSROOTS_CADRES_COMMUNE} + #{GRASSROOTS_CADRES_PROVINCE}' });
  });
});
