import { describe, expect, it } from 'vitest';
import { parseChanges, parseCsv, parseUnitList } from './history-csv.ts';

describe('parseCsv (RFC 4180)', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, and CRLF line ends', () => {
    expect(parseCsv('a,"b, c","say ""hi"""\r\n"x\ny",,z\n')).toEqual([
      ['a', 'b, c', 'say "hi"'],
      ['x\ny', '', 'z'],
    ]);
    expect(parseCsv('a,b')).toEqual([['a', 'b']]);
  });

  it('refuses a stray quote and an unterminated quoted field instead of shifting columns', () => {
    expect(() => parseCsv('a,b"c\n')).toThrow('quote inside an unquoted field');
    expect(() => parseCsv('a,"bc\n')).toThrow('not closed');
    expect(() => parseCsv('a,"b"c\n')).toThrow('text after a closing quote');
  });
});

describe('the typed readers', () => {
  it('keeps codes as strings and an empty parent as null', () => {
    expect(parseUnitList('code,name,full_name,level,type,parent_code\n01,Hà Nội,Thành phố Hà Nội,province,thành phố trung ương,\n001,Ba Đình,Quận Ba Đình,district,quận,01\n')).toEqual([
      { code: '01', name: 'Hà Nội', fullName: 'Thành phố Hà Nội', level: 'province', type: 'thành phố trung ương', parentCode: null },
      { code: '001', name: 'Ba Đình', fullName: 'Quận Ba Đình', level: 'district', type: 'quận', parentCode: '01' },
    ]);
  });

  const header = 'effective_date,date_source,instrument,level,kind,code,old_name,new_name,old_type,new_type,old_parent_code,new_parent_code,successor_code,successor_confidence,evidence';
  it('splits joined kinds and divided successors', () => {
    const [row] = parseChanges(`${header}\n2020-01-01,instrument_index,832/NQ-UBTVQH14,commune,abolished,19528,Gio Thành,,xã,,466,,19519;19543,certain,"a, b"\n`);
    expect(row).toMatchObject({ line: 2, kinds: ['abolished'], successorCodes: ['19519', '19543'], successorCertainty: 'certain', newParentCode: null, evidence: 'a, b' });
    const [renamed] = parseChanges(`${header}\n2025-01-01,instrument_index,175/2024/QH15,province,type_changed+renamed,46,Thừa Thiên Huế,Huế,tỉnh,thành phố trung ương,,,,,x\n`);
    expect(renamed).toMatchObject({ kinds: ['type_changed', 'renamed'], successorCodes: [], successorCertainty: null, oldParentCode: null });
  });

  it('refuses a wrong header, a short row, an unknown kind, a bad date or a bad code', () => {
    const row = (cells: string) => () => parseChanges(`${header}\n${cells}\n`);
    expect(() => parseChanges('effective_date,kind\n')).toThrow('header');
    expect(row('2020-01-01,x,y,commune,renamed,19528')).toThrow('6 fields, expected 15');
    expect(row('2020-01-01,x,y,commune,split,19528,a,b,xã,xã,466,466,,,')).toThrow('unexpected value "split"');
    expect(row('1/1/2020,x,y,commune,renamed,19528,a,b,xã,xã,466,466,,,')).toThrow('bad effective_date');
    expect(row('2020-01-01,x,y,commune,renamed,1952,a,b,xã,xã,466,466,,,')).toThrow('bad unit code');
  });
});
