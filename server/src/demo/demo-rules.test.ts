import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from './demo-accounts.ts';
import { PeopleFactory } from './people.ts';
import { Random } from './random.ts';
import { name2025, successorIndexes } from './reform-2025.ts';
import { communeProfile, type Commune2019, type TerritoryUnit } from './territory.ts';
import { planVillagesFor, villageCounts } from './villages.ts';

const unit = (code: string, name: string, type: string): TerritoryUnit => ({
  id: Number(code),
  code,
  name,
  fullName: `${type === 'phường' ? 'Phường' : type === 'thị trấn' ? 'Thị trấn' : 'Xã'} ${name}`,
  type,
  parentId: 1,
});
const commune = (code: string, name: string, type: string, district: string): Commune2019 => ({
  ...unit(code, name, type),
  district: unit(district, 'Huyện', 'huyện'),
  successors: [],
});

describe('the seeded generator', () => {
  it('repeats itself for the same seed and label', () => {
    const draw = (rng: Random) => Array.from({ length: 5 }, () => rng.int(0, 1000));
    expect(draw(new Random(7).fork('a'))).toEqual(draw(new Random(7).fork('a')));
    expect(draw(new Random(7).fork('a'))).not.toEqual(draw(new Random(7).fork('b')));
  });
});

describe('villages of a split commune', () => {
  it('go to the successors in contiguous, even blocks', () => {
    expect(successorIndexes(7, 1)).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(successorIndexes(7, 3)).toEqual([0, 0, 0, 1, 1, 2, 2]);
    expect(successorIndexes(2, 3)).toEqual([0, 1]);
  });

  it('keep their name in the new commune unless another village there has it too', () => {
    const taken = new Set<string>();
    const clashing = new Set(['1']);
    expect(name2025('Tân Định', { name: 'Hải An', fullName: 'Xã Hải An' }, clashing, taken)).toBe('Tân Định');
    expect(name2025('1', { name: 'Hải An', fullName: 'Xã Hải An' }, clashing, taken)).toBe('1 (Hải An)');
    expect(name2025('1', { name: '2', fullName: 'Phường 2' }, clashing, taken)).toBe('1 (Phường 2)');
    expect(name2025('1', { name: 'Hải An', fullName: 'Xã Hải An' }, clashing, taken)).toBe('1 (Hải An 2)');
  });
});

describe('village plan', () => {
  const communes = [
    commune('19333', '1', 'phường', '461'),
    commune('19702', 'Hải Phú', 'xã', '470'),
    commune('19588', 'Tà Rụt', 'xã', '467'),
    commune('19429', 'Khe Sanh', 'thị trấn', '465'),
  ];

  it('fits the counts to the requested total', () => {
    const counts = villageCounts(new Random(1), communes, 40);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(40);
  });

  it('names villages uniquely per commune, in the style of the place, with the pinned ones first', () => {
    const [ward, lowland, highland, town] = communes.map((c) => planVillagesFor(new Random(3).fork(c.code), c, 12, communeProfile(c)));
    for (const list of [ward, lowland, highland, town]) {
      expect(new Set(list?.map((v) => v.name.toLowerCase())).size).toBe(12);
    }
    expect(ward?.every((v) => v.type === 'khu phố')).toBe(true);
    expect(lowland?.[0]).toEqual({ name: 'Phú Hưng', type: 'thôn' });
    expect(highland?.[0]).toEqual({ name: 'Pa Ling', type: 'bản' });
    expect(highland?.filter((v) => v.type === 'bản').length).toBeGreaterThan(4);
    expect(town?.some((v) => v.type === 'khóm')).toBe(true);
  });
});

describe('demo people', () => {
  it('have names that match their gender and ethnicity, and unique phone numbers', () => {
    const factory = new PeopleFactory(new Random(11));
    const people = Array.from({ length: 600 }, (_, i) =>
      factory.make(1, i % 3 === 0 ? 'Kinh' : i % 3 === 1 ? 'Vân Kiều' : 'Pa Kô', { male: 0.5 }),
    );
    for (const person of people) {
      if (person.fullName.includes(' Thị ')) expect(person.gender).toBe('female');
      if (person.fullName.includes(' Văn ') || person.fullName.startsWith('Kăn ')) expect(person.gender).toBe('male');
      expect(person.phone).toMatch(/^09\d{2} \d{3} \d{3}$/);
      expect(person.birthYear).toBeGreaterThanOrEqual(1955);
      expect(person.birthYear).toBeLessThanOrEqual(2000);
    }
    expect(new Set(people.map((p) => p.phone)).size).toBe(people.length);
    expect(people.filter((p) => p.ethnicity !== 'Kinh').every((p) => /^(Hồ|Lê|Nguyễn|Kăn) /.test(p.fullName))).toBe(true);
  });
});

describe('DEMO_ACCOUNTS', () => {
  it('have valid, unique usernames and the demo password', () => {
    const names = DEMO_ACCOUNTS.map((account) => account.username);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[a-z0-9._-]{3,50}$/);
    expect(new Set(DEMO_ACCOUNTS.map((account) => account.password))).toEqual(new Set(['DanVanSo2025']));
  });
});
