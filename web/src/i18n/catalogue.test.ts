import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS, AUDIT_ENTITIES } from '#contracts/audit.ts';
import { ROLES } from '#contracts/auth.ts';
import { ORGANIZATION_TYPES } from '#contracts/organizations.ts';
import { checkI18n, compareCatalogues, findKeys, findLiteralText } from '../../scripts/check-i18n.ts';
import { en } from './en.ts';
import { interpolate } from './i18n.ts';
import { vi } from './vi.ts';

describe('i18n catalogues', () => {
  it('web/src uses only keys both catalogues have, and shows no literal text', () => {
    expect(checkI18n()).toEqual([]);
  });

  it('names every code the server can send: audit actions and entities, roles, organisation types', () => {
    const keys = [
      ...AUDIT_ACTIONS.map((code) => `audit.action.${code}`),
      ...AUDIT_ENTITIES.map((code) => `audit.entity.${code}`),
      ...ROLES.map((code) => `role.${code}`),
      ...ORGANIZATION_TYPES.map((code) => `org.type.${code}`),
    ];
    expect(keys.filter((key) => !(key in vi) || !(key in en))).toEqual([]);
  });

  it('Vietnamese labels keep their exact diacritics', () => {
    expect(vi['auth.login']).toBe('Đăng nhập');
    expect(vi['units.search']).toBe('Tìm đơn vị');
    expect(vi['units.beforeReform']).toBe('Trước 01/7/2025 (tỉnh – huyện – xã)');
    expect(vi['org.type.community_investment_board']).toBe('Ban giám sát đầu tư của cộng đồng');
    expect(vi['role.focal_point']).toBe('Đầu mối tổ chức');
    expect(Object.values(vi).every((text) => text === text.normalize('NFC'))).toBe(true);
  });

  it('finds missing keys and differing placeholders', () => {
    expect(compareCatalogues({ a: 'x {n}', b: 'y' }, { a: 'x {m}' })).toEqual([
      'placeholders differ for a: "x {n}" / "x {m}"',
      'en.ts lacks key b',
    ]);
    expect(compareCatalogues(vi, en)).toEqual([]);
  });

  it('flags JSX text and text attributes that bypass t()', () => {
    const source = `
      const A = () => <p title="Xem">Chưa có dữ liệu</p>;
      const B = () => <input placeholder={t('units.search')} aria-label="Search" />;
      const C = () => <span>{'Đơn vị'}{' '}{t('nav.home')}</span>;
      const D = (x: Array<number>) => x.map((n) => n > 1);
    `;
    expect(findLiteralText(source)).toEqual(['Chưa có dữ liệu', 'aria-label="Search"', 'title="Xem"', 'Đơn vị']);
  });

  it('collects literal keys and template prefixes', () => {
    const found = findKeys("t('nav.home'); t(`org.type.${type}`); import x from './styles.css';", new Set(['nav', 'org']));
    expect(found).toEqual({ keys: ['nav.home'], templatePrefixes: ['org.type.'] });
  });

  it('fills placeholders', () => {
    expect(interpolate('Xin chào, {name}', { name: 'Lan' })).toBe('Xin chào, Lan');
    expect(interpolate('{count} thành viên', { count: 3 })).toBe('3 thành viên');
  });
});
