import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileEndpoints } from '#contracts/files.ts';
import { buildOrganization, buildProvince } from '#test/factories.ts';
import { signIn } from '#test/factories-people.ts';
import { errorBody } from '#test/http-client.ts';
import { startTestApp, type TestApp } from '#test/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const owner = (id: number) => ({ ownerType: 'organization', ownerId: String(id) });

describe('B5 files on an organisation', () => {
  it('B5 files: a keeper attaches a PDF; the list shows it and the download returns the bytes, audited', async () => {
    const province = await buildProvince(t.db);
    const communeId = province.communeIds[0] as number;
    const team = await buildOrganization(t.db, communeId);
    const clerk = await signIn(t.baseUrl, t.db, { unitId: communeId });
    const upload = await clerk.upload(fileEndpoints.upload, { query: owner(team) }, 'Kế hoạch năm 2026.pdf', PDF);
    expect(upload.status).toBe(200);
    expect(upload.body).toMatchObject({
      ownerType: 'organization',
      ownerId: String(team),
      filename: 'Kế hoạch năm 2026.pdf',
      mimeType: 'application/pdf',
      sizeBytes: PDF.length,
      sha256: createHash('sha256').update(PDF).digest('hex'),
      uploadedBy: clerk.username,
    });
    const list = await clerk.call(fileEndpoints.list, { query: owner(team) });
    expect(list.body.map((file) => file.id)).toEqual([upload.body.id]);

    const leader = await signIn(t.baseUrl, t.db, { unitId: communeId, roles: ['leader'] });
    const download = await fetch(`${t.baseUrl}/api/files/${upload.body.id}`, { headers: { cookie: leader.cookie as string } });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('content-disposition')).toBe(`attachment; filename="Ke hoach nam 2026.pdf"; filename*=UTF-8''${encodeURIComponent('Kế hoạch năm 2026.pdf')}`);
    expect(Buffer.from(await download.arrayBuffer()).equals(PDF)).toBe(true);
    const audit = await t.db.selectFrom('audit_log').select(['action', 'user_id', 'unit_id']).where('entity', '=', 'attachment').where('entity_id', '=', upload.body.id).orderBy('id').execute();
    expect(audit).toEqual([
      { action: 'create', user_id: clerk.userId, unit_id: communeId },
      { action: 'download', user_id: leader.userId, unit_id: communeId },
    ]);
    const row = await t.db.selectFrom('attachment').select(['province_id', 'unit_id']).where('id', '=', upload.body.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ province_id: province.provinceId, unit_id: communeId });
    // the same bytes again: a second row, one blob (content-hashed)
    const again = await clerk.upload(fileEndpoints.upload, { query: owner(team) }, 'ban-sao.pdf', PDF);
    expect(again.body.sha256).toBe(upload.body.sha256);
    expect(again.body.id).not.toBe(upload.body.id);
  });

  it('B5 files: the type is read from the bytes (an executable named .pdf is 415) and size is capped (413)', async () => {
    const province = await buildProvince(t.db);
    const communeId = province.communeIds[0] as number;
    const team = await buildOrganization(t.db, communeId);
    const clerk = await signIn(t.baseUrl, t.db, { unitId: communeId });
    const exe = await clerk.upload(fileEndpoints.upload, { query: owner(team) }, 'bao-cao.pdf', Buffer.from('MZ\x90\x00\x03\x00\x00\x00'));
    expect(exe.status).toBe(415);
    expect(errorBody(exe).message).toContain('Tệp (file): loại tệp không được phép');
    const renamed = await clerk.upload(fileEndpoints.upload, { query: owner(team) }, 'anh.jpg', PDF);
    expect(renamed.status).toBe(415);
    expect(errorBody(renamed).message).toBe('Tệp (file): phần mở rộng của tên tệp không khớp với nội dung (application/pdf).');
    const big = await clerk.upload(fileEndpoints.upload, { query: owner(team) }, 'lon.pdf', Buffer.concat([PDF, Buffer.alloc(6 * 1024 * 1024)]));
    expect(big.status).toBe(413);
    expect(errorBody(big).message).toContain('tối đa 5 MB');
    expect((await clerk.call(fileEndpoints.list, { query: owner(team) })).body).toEqual([]);
  });

  it('B5 files: a leader gets 403 on upload; another province gets 404 on list and download; unknown owner types are 404', async () => {
    const province = await buildProvince(t.db);
    const communeId = province.communeIds[0] as number;
    const team = await buildOrganization(t.db, communeId);
    const clerk = await signIn(t.baseUrl, t.db, { unitId: communeId });
    const file = await clerk.upload(fileEndpoints.upload, { query: owner(team) }, 'a.pdf', PDF);
    const leader = await signIn(t.baseUrl, t.db, { unitId: communeId, roles: ['leader'] });
    expect((await leader.upload(fileEndpoints.upload, { query: owner(team) }, 'a.pdf', Buffer.from('garbage'))).status).toBe(403);
    const other = await buildProvince(t.db);
    const stranger = await signIn(t.baseUrl, t.db, { unitId: other.provinceId, roles: ['unit_admin'] });
    expect((await stranger.call(fileEndpoints.list, { query: owner(team) })).status).toBe(404);
    expect((await stranger.request('GET', `/api/files/${file.body.id}`)).status).toBe(404);
    expect((await stranger.upload(fileEndpoints.upload, { query: owner(team) }, 'a.pdf', PDF)).status).toBe(404);
    expect((await clerk.call(fileEndpoints.list, { query: { ownerType: 'petition', ownerId: '1' } })).status).toBe(404);
    const downloads = await t.db.selectFrom('audit_log').select('id').where('action', '=', 'download').where('entity_id', '=', file.body.id).execute();
    expect(downloads).toEqual([]);
  });
});
