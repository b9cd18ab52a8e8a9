import type { TQuestionType } from '#contracts/surveys/form.ts';
import { msg } from '#server/shared/messages.ts';

/** What a survey row's `type` cell says. */
export type RowType =
  | { kind: 'question'; type: TQuestionType; listName?: string }
  | { kind: 'note' }
  | { kind: 'beginGroup' }
  | { kind: 'endGroup' }
  /** A row we do not support: `problem` names the feature. Repeats keep their structure for the balance check. */
  | { kind: 'unsupported'; problem: string; structure?: 'beginRepeat' | 'endRepeat' };

const SIMPLE: Record<string, TQuestionType> = { integer: 'integer', decimal: 'decimal', text: 'text', date: 'date' };
const METADATA = new Set(['start', 'end', 'today', 'deviceid', 'imei', 'subscriberid', 'simserial', 'phonenumber', 'username', 'email', 'audit', 'start-geopoint', 'uri:deviceid', 'uri:email', 'uri:username', 'uri:phonenumber', 'uri:subscriberid', 'uri:simserial']);
const MEDIA = new Set(['image', 'photo', 'audio', 'video', 'file', 'background-audio', 'background-geopoint', 'barcode']);
const LOCATION = new Set(['geopoint', 'geotrace', 'geoshape', 'gps']);
const FROM_FILE = new Set(['select_one_from_file', 'select_multiple_from_file', 'select_one_external']);

/**
 * Reads a `type` cell. Spellings pyxform accepts for what we support are accepted (`begin group` and `begin_group`,
 * any case for the keyword); everything else is a named unsupported feature, the legacy `select one from …` included.
 */
export function parseType(raw: string): RowType {
  const words = raw.trim().split(/\s+/);
  const head = (words[0] ?? '').toLowerCase();
  const joined = words.map((word) => word.toLowerCase()).join(' ');
  const type = words.join(' ');
  const unsupported = (problem: string, structure?: 'beginRepeat' | 'endRepeat'): RowType =>
    structure ? { kind: 'unsupported', problem, structure } : { kind: 'unsupported', problem };

  if (joined === 'begin group' || joined === 'begin_group') return { kind: 'beginGroup' };
  if (joined === 'end group' || joined === 'end_group') return { kind: 'endGroup' };
  if (joined === 'begin repeat' || joined === 'begin_repeat') return unsupported(msg('surveys.xlsform.type.repeat', { type }), 'beginRepeat');
  if (joined === 'end repeat' || joined === 'end_repeat') return unsupported(msg('surveys.xlsform.type.repeat', { type }), 'endRepeat');
  if (words.length === 1 && SIMPLE[head]) return { kind: 'question', type: SIMPLE[head] };
  if (words.length === 1 && head === 'note') return { kind: 'note' };
  if (head === 'select_one' || head === 'select_multiple') {
    if (words.length === 1) return unsupported(msg('surveys.xlsform.type.noList', { type, example: `${type} ten_danh_sach` }));
    if (words.length === 3 && words[2]?.toLowerCase() === 'or_other') return unsupported(msg('surveys.xlsform.type.orOther', { type }));
    if (words.length === 2) return { kind: 'question', type: head, listName: words[1] as string };
    return unsupported(msg('surveys.xlsform.type.unknown', { type, supported: msg('surveys.xlsform.supportedTypes') }));
  }
  const legacy = /^(select one|select all that apply|select multiple) from (\S+)( or specify other)?$/.exec(joined);
  if (legacy) {
    const list = words[words.indexOf('from') + 1] ?? words[words.length - 1] ?? '';
    const suggestion = `${legacy[1] === 'select one' ? 'select_one' : 'select_multiple'} ${list}`;
    return unsupported(msg('surveys.xlsform.type.legacySelect', { type, suggestion }));
  }
  if (head === 'calculate') return unsupported(msg('surveys.xlsform.type.calculate', { type }));
  if (FROM_FILE.has(head)) return unsupported(msg('surveys.xlsform.type.fromFile', { type }));
  if (METADATA.has(head)) return unsupported(msg('surveys.xlsform.type.metadata', { type }));
  if (MEDIA.has(head)) return unsupported(msg('surveys.xlsform.type.media', { type }));
  if (LOCATION.has(head)) return unsupported(msg('surveys.xlsform.type.location', { type }));
  return unsupported(msg('surveys.xlsform.type.unknown', { type, supported: msg('surveys.xlsform.supportedTypes') }));
}

/** `required`/`sensitive` cells: yes/true/TRUE()/1 and no/false/FALSE()/0/empty; anything else (an expression) is null. */
export function parseFlag(raw: string): boolean | null {
  const value = raw.trim().toLowerCase();
  if (['yes', 'true', 'true()', '1'].includes(value)) return true;
  if (['', 'no', 'false', 'false()', '0'].includes(value)) return false;
  return null;
}
