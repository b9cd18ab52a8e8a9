import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { metadataEndpoints } from '#contracts/indicators/metadata.api.ts';
import { buildProvince, type TestProvince } from '#test/factories.ts';
import { signIn } from '#test/factories-people.ts';
import { errorBody } from '#test/http-client.ts';
import { startTestApp, type TestApp } from '#test/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ today: '2026-03-02' });
});
afterAll(() => t.close());

let serial = 0;
/** Codes unique within this file's database. */
const code = (prefix: string) => `${prefix}_${++serial}`;

const auditOf = (entity: string, entityId: number) =>
  t.db.selectFrom('audit_log').select(['action', 'unit_id']).where('entity', '=', entity).where('entity_id', '=', String(entityId)).execute();

type Client = Awaited<ReturnType<typeof signIn>>;

/** A province with a configuring officer at province level. */
async function provinceWithOfficer(): Promise<{ province: TestProvince; officer: Client }> {
  const province = await buildProvince(t.db);
  return { province, officer: await signIn(t.baseUrl, t.db, { unitId: province.provinceId, roles: ['commission_officer'] }) };
}

/** Gender × ethnicity, created over HTTP. */
async function genderEthnicity(officer: Client) {
  const comboCode = code('GT_DT');
  const response = await officer.call(metadataEndpoints.createCategoryCombo, {
    body: {
      code: comboCode,
      name: 'Giới tính và dân tộc',
      categories: [
        { code: code('GT'), name: 'Giới tính', options: [{ code: 'NAM', name: 'Nam' }, { code: 'NU', name: 'Nữ' }] },
        { code: code('DT'), name: 'Dân tộc', options: [{ code: 'KINH', name: 'Kinh' }, { code: 'DTTS', name: 'Dân tộc thiểu số' }] },
      ],
    },
  });
  expect(response.status).toBe(200);
  return { combo: response.body, comboCode };
}

/** Two integer elements (received by gender × ethnicity, resolved) of the officer's province. */
async function petitionElements(officer: Client, comboId: number) {
  const received = await officer.call(metadataEndpoints.createDataElement, {
    body: { code: code('DON_NHAN'), name: 'Số đơn thư tiếp nhận', valueType: 'integer', unitOfMeasure: 'đơn', comboId },
  });
  const resolved = await officer.call(metadataEndpoints.createDataElement, {
    body: { code: code('DON_GQ'), name: 'Số đơn thư đã giải quyết', shortName: 'Đơn đã giải quyết', valueType: 'integer', unitOfMeasure: 'đơn' },
  });
  expect([received.status, resolved.status]).toEqual([200, 200]);
  return { received: received.body, resolved: resolved.body };
}

describe('disaggregations and data elements', () => {
  it('creates a combo whose option combos are the product of its categories, named in Vietnamese', async () => {
    const { officer } = await provinceWithOfficer();
    const { combo, comboCode } = await genderEthnicity(officer);
    expect(combo.categories.map((c) => [c.name, c.options.map((o) => o.name)])).toEqual([
      ['Giới tính', ['Nam', 'Nữ']],
      ['Dân tộc', ['Kinh', 'Dân tộc thiểu số']],
    ]);
    expect(combo.optionCombos.map((c) => [c.code, c.name])).toEqual([
      [`${comboCode}_NAM_KINH`, 'Nam, Kinh'],
      [`${comboCode}_NAM_DTTS`, 'Nam, Dân tộc thiểu số'],
      [`${comboCode}_NU_KINH`, 'Nữ, Kinh'],
      [`${comboCode}_NU_DTTS`, 'Nữ, Dân tộc thiểu số'],
    ]);
    const list = await officer.call(metadataEndpoints.listCategoryCombos, {});
    expect(list.body[0]).toMatchObject({ code: 'default', categories: [], optionCombos: [{ code: 'default', dhis2Uid: 'HllvX50cXC0' }] });
    expect(list.body.find((c) => c.id === combo.id)?.optionCombos).toHaveLength(4);
    expect(await auditOf('category_combo', combo.id)).toEqual([{ action: 'create', unit_id: null }]);

    const again = await officer.call(metadataEndpoints.createCategoryCombo, {
      body: { code: comboCode, name: 'Lặp', categories: [{ code: code('X'), name: 'X', options: [{ code: 'A', name: 'A' }] }] },
    });
    expect(again.status).toBe(409);
    expect(errorBody(again).message).toBe(`Mã “${comboCode}” đã được dùng, hãy chọn mã khác.`);
  });

  it('creates elements: default combo and short name, no sums of text or percentages, duplicate code refused', async () => {
    const { province, officer } = await provinceWithOfficer();
    const { combo } = await genderEthnicity(officer);
    const { received, resolved } = await petitionElements(officer, combo.id);
    expect(received).toMatchObject({ name: 'Số đơn thư tiếp nhận', shortName: 'Số đơn thư tiếp nhận', aggregation: 'sum', comboId: combo.id, dataSetId: null });
    expect(received.optionCombos.map((c) => c.name)).toEqual(['Nam, Kinh', 'Nam, Dân tộc thiểu số', 'Nữ, Kinh', 'Nữ, Dân tộc thiểu số']);
    expect(resolved).toMatchObject({ shortName: 'Đơn đã giải quyết', unitOfMeasure: 'đơn', source: 'entered', zeroSignificant: true });
    expect(resolved.optionCombos.map((c) => c.code)).toEqual(['default']);

    const rate = await officer.call(metadataEndpoints.createDataElement, {
      body: { code: code('TL'), name: 'Tỷ lệ hộ nghèo', valueType: 'percentage', aggregation: 'sum' },
    });
    const note = await officer.call(metadataEndpoints.createDataElement, { body: { code: code('GHI_CHU'), name: 'Ghi chú', valueType: 'text' } });
    expect([rate.body.aggregation, note.body.aggregation]).toEqual(['none', 'none']);
    expect(await auditOf('data_element', rate.body.id)).toEqual([{ action: 'create', unit_id: province.provinceId }]);

    const duplicate = await officer.call(metadataEndpoints.createDataElement, { body: { code: received.code, name: 'Khác', valueType: 'integer' } });
    expect(duplicate.status).toBe(409);
    expect(errorBody(duplicate).message).toBe(`Mã “${received.code}” đã được dùng, hãy chọn mã khác.`);
    const badCombo = await officer.call(metadataEndpoints.createDataElement, { body: { code: code('X'), name: 'X', valueType: 'integer', comboId: 999999 } });
    expect(badCombo.status).toBe(400);
    expect(errorBody(badCombo).message).toBe('Phân tổ (comboId): phân tổ không tồn tại');

    const elements = (await officer.call(metadataEndpoints.listDataElements, {})).body.map((e) => e.code);
    expect(elements).toEqual(expect.arrayContaining([received.code, resolved.code, rate.body.code, note.body.code]));
  });
});

describe('data sets', () => {
  it('creates a data set with assignments and rules, readable by its communes, not by another province', async () => {
    const { province, officer } = await provinceWithOfficer();
    const { combo, comboCode } = await genderEthnicity(officer);
    const { received, resolved } = await petitionElements(officer, combo.id);
    const setCode = code('BCDV');
    const ruleCode = code('R_GQ');
    const response = await officer.call(metadataEndpoints.createDataSet, {
      body: {
        code: setCode,
        name: 'Báo cáo công tác dân vận',
        periodType: 'monthly',
        dueDays: 5,
        lockDays: 15,
        ownerUnitId: province.provinceId,
        levels: ['commune'],
        unitIds: [province.villageIds[0] as number],
        elements: [{ dataElementId: received.id, section: 'Đơn thư', required: true }, { dataElementId: resolved.id }],
        rules: [
          {
            code: ruleCode,
            leftSide: `#{${resolved.code}}`,
            operator: '<=',
            rightSide: `#{${received.code}}`,
            severity: 'error',
            message: 'Số đơn đã giải quyết không được lớn hơn số đơn tiếp nhận',
          },
          {
            code: code('R_DTTS'),
            leftSide: `#{${received.code}.${comboCode}_NU_DTTS}`,
            operator: '<=',
            rightSide: `#{${received.code}}`,
            severity: 'warning',
            missing: 'never_skip',
            message: 'Kiểm tra số đơn của phụ nữ dân tộc thiểu số',
          },
        ],
      },
    });
    expect(response.status).toBe(200);
    const dataSet = response.body;
    expect(dataSet).toMatchObject({
      code: setCode,
      periodType: 'monthly',
      dueDays: 5,
      lockDays: 15,
      ownerUnitId: province.provinceId,
      active: true,
      levels: ['commune'],
      unitIds: [province.villageIds[0]],
      elements: [
        { dataElementId: received.id, section: 'Đơn thư', sort: 0, required: true },
        { dataElementId: resolved.id, section: null, sort: 1, required: false },
      ],
    });
    expect(dataSet.rules.map((r) => [r.code, r.operator, r.severity, r.missing])).toEqual([
      [ruleCode, '<=', 'error', 'skip_if_any_missing'],
      [expect.any(String), '<=', 'warning', 'never_skip'],
    ]);
    expect(await auditOf('data_set', dataSet.id)).toEqual([{ action: 'create', unit_id: province.provinceId }]);
    const elements = (await officer.call(metadataEndpoints.listDataElements, {})).body;
    expect(elements.find((e) => e.id === received.id)?.dataSetId).toBe(dataSet.id);

    // a commune's user reads its province's form
    const commune = await signIn(t.baseUrl, t.db, { unitId: province.communeIds[0] as number, roles: ['data_entry'] });
    expect((await commune.call(metadataEndpoints.getDataSet, { params: { id: dataSet.id } })).body).toEqual(dataSet);
    expect((await commune.call(metadataEndpoints.listDataSets, {})).body.map((d) => d.id)).toContain(dataSet.id);

    // another province's user does not
    const other = await buildProvince(t.db);
    const stranger = await signIn(t.baseUrl, t.db, { unitId: other.provinceId, roles: ['commission_officer'] });
    expect((await stranger.call(metadataEndpoints.getDataSet, { params: { id: dataSet.id } })).status).toBe(404);
    expect((await stranger.call(metadataEndpoints.listDataSets, {})).body.map((d) => d.id)).not.toContain(dataSet.id);
    expect((await stranger.call(metadataEndpoints.listDataElements, {})).body.map((e) => e.id)).not.toContain(received.id);
    // nor may they put this province's elements in a form of their own
    const foreign = await stranger.call(metadataEndpoints.createDataSet, {
      body: { code: code('LA'), name: 'Lạ', periodType: 'yearly', dueDays: 0, lockDays: 0, ownerUnitId: other.provinceId, levels: ['commune'], elements: [{ dataElementId: resolved.id }] },
    });
    expect(foreign.status).toBe(400);
    expect(errorBody(foreign).fields).toEqual([{ field: 'elements.0.dataElementId', message: 'chỉ tiêu dữ liệu không tồn tại hoặc bạn không có quyền dùng' }]);
    const theirs = await stranger.call(metadataEndpoints.createDataSet, {
      body: { code: code('LA'), name: 'Lạ', periodType: 'yearly', dueDays: 0, lockDays: 0, ownerUnitId: province.provinceId, levels: ['commune'], elements: [{ dataElementId: resolved.id }] },
    });
    expect(theirs.status).toBe(404);
  });

  it("refuses a rule that does not parse, naming the field with the parser's message, and operands outside the set", async () => {
    const { province, officer } = await provinceWithOfficer();
    const { resolved, received } = await petitionElements(officer, (await genderEthnicity(officer)).combo.id);
    const base = {
      code: code('BCDV'),
      name: 'Báo cáo',
      periodType: 'quarterly' as const,
      dueDays: 10,
      lockDays: 20,
      ownerUnitId: province.provinceId,
      levels: ['commune' as const],
      elements: [{ dataElementId: resolved.id }],
    };
    const rule = { code: code('R'), operator: '<=' as const, rightSide: '100', severity: 'error' as const, message: 'Sai' };
    const broken = await officer.call(metadataEndpoints.createDataSet, { body: { ...base, rules: [{ ...rule, leftSide: `#{${resolved.code}` }] } });
    expect(broken.status).toBe(400);
    const missingBrace = `Thiếu dấu «}» ở vị trí ${resolved.code.length + 3}`;
    expect(errorBody(broken).message).toBe(`Vế trái (rules.0.leftSide): ${missingBrace}`);
    expect(errorBody(broken).fields).toEqual([{ field: 'rules.0.leftSide', message: missingBrace }]);

    const outside = await officer.call(metadataEndpoints.createDataSet, {
      body: { ...base, rules: [{ ...rule, leftSide: '1', rightSide: `#{${resolved.code}} + #{${received.code}}` }] },
    });
    expect(outside.status).toBe(400);
    expect(errorBody(outside).message).toBe(`Vế phải (rules.0.rightSide): chỉ tiêu «${received.code}» không thuộc biểu mẫu này`);
    const badCoc = await officer.call(metadataEndpoints.createDataSet, { body: { ...base, rules: [{ ...rule, leftSide: `#{${resolved.code}.NU}` }] } });
    expect(errorBody(badCoc).message).toBe(`Vế trái (rules.0.leftSide): chỉ tiêu «${resolved.code}» không có phân tổ «NU»`);
    // nothing was written
    expect((await officer.call(metadataEndpoints.listDataSets, {})).body).toEqual([]);
  });

  it('refuses lock before due, no reporting units, units outside the owner, a commune owner, and a taken code or element', async () => {
    const { province, officer } = await provinceWithOfficer();
    const { resolved, received } = await petitionElements(officer, (await genderEthnicity(officer)).combo.id);
    const other = await buildProvince(t.db);
    const base = {
      code: code('BCDV'),
      name: 'Báo cáo năm',
      periodType: 'yearly' as const,
      dueDays: 10,
      lockDays: 20,
      ownerUnitId: province.provinceId,
      levels: ['village' as const],
      elements: [{ dataElementId: resolved.id }],
    };
    const post = (body: Partial<typeof base> & { unitIds?: number[] }) => officer.call(metadataEndpoints.createDataSet, { body: { ...base, ...body } });
    const messageOf = async (body: Parameters<typeof post>[0]) => {
      const response = await post(body);
      return `${response.status} ${errorBody(response).message}`;
    };
    expect(await messageOf({ lockDays: 5 })).toBe('400 Số ngày khóa sổ (lockDays): không được nhỏ hơn số ngày hạn nộp (10)');
    expect(await messageOf({ levels: [] })).toBe('400 Cấp báo cáo (levels): cần chọn ít nhất một cấp báo cáo hoặc một đơn vị báo cáo');
    expect(await messageOf({ levels: [], unitIds: [province.communeIds[0] as number, other.communeIds[0] as number] })).toBe(
      `400 Đơn vị báo cáo (unitIds.1): đơn vị không thuộc Tỉnh ${(await t.db.selectFrom('admin_unit').select('name').where('id', '=', province.provinceId).executeTakeFirstOrThrow()).name}`,
    );
    expect(await messageOf({ ownerUnitId: province.communeIds[0] as number })).toBe(
      '400 Đơn vị quản lý (ownerUnitId): phải là một tỉnh, thành phố trong phạm vi quản lý',
    );
    expect(await messageOf({ ownerUnitId: other.provinceId })).toBe('404 Đơn vị không tồn tại hoặc bạn không có quyền xem.');

    const first = await post({});
    expect(first.status).toBe(200);
    expect(await messageOf({ elements: [{ dataElementId: received.id }] })).toBe(`409 Mã “${base.code}” đã được dùng, hãy chọn mã khác.`);
    expect(await messageOf({ code: code('KHAC'), elements: [{ dataElementId: received.id }, { dataElementId: resolved.id }] })).toBe(
      `409 Chỉ tiêu “${resolved.code}” đã thuộc biểu mẫu “Báo cáo năm”; mỗi chỉ tiêu chỉ thuộc một biểu mẫu.`,
    );
  });

  it('a system administrator defines a form for any province', async () => {
    const province = await buildProvince(t.db);
    const admin = await signIn(t.baseUrl, t.db, { unitId: null, roles: ['system_admin'] });
    const element = await admin.call(metadataEndpoints.createDataElement, { body: { code: code('QG'), name: 'Chỉ tiêu quốc gia', valueType: 'yes_no' } });
    expect(element.status).toBe(200);
    const response = await admin.call(metadataEndpoints.createDataSet, {
      body: {
        code: code('QG_DS'),
        name: 'Báo cáo 6 tháng',
        periodType: 'six_monthly',
        dueDays: 0,
        lockDays: 30,
        ownerUnitId: province.provinceId,
        levels: ['province'],
        elements: [{ dataElementId: element.body.id }],
      },
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ ownerUnitId: province.provinceId, levels: ['province'], unitIds: [], rules: [] });
    // a national element is usable by every province
    const officer = await signIn(t.baseUrl, t.db, { unitId: (await buildProvince(t.db)).provinceId, roles: ['unit_admin'] });
    expect((await officer.call(metadataEndpoints.listDataElements, {})).body.map((e) => e.id)).toContain(element.body.id);
  });
});

describe('indicators', () => {
  it('creates an indicator over summed parts, lists and reads it; another province sees neither', async () => {
    const { province, officer } = await provinceWithOfficer();
    const { combo, comboCode } = await genderEthnicity(officer);
    const { received, resolved } = await petitionElements(officer, combo.id);
    const indicatorCode = code('TL_GQ');
    const response = await officer.call(metadataEndpoints.createIndicator, {
      body: {
        code: indicatorCode,
        name: 'Tỷ lệ đơn thư được giải quyết',
        numerator: `#{${resolved.code}}`,
        denominator: `#{${received.code}} - #{${received.code}.${comboCode}_NAM_KINH} + 0`,
        factor: 100,
        decimals: 1,
        unitOfMeasure: '%',
        target: 85,
        targetDirection: 'higher',
      },
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ code: indicatorCode, factor: 100, decimals: 1, target: 85, targetDirection: 'higher', description: null, dhis2Uid: null });
    expect(await auditOf('indicator', response.body.id)).toEqual([{ action: 'create', unit_id: province.provinceId }]);
    expect((await officer.call(metadataEndpoints.getIndicator, { params: { id: response.body.id } })).body).toEqual(response.body);
    const commune = await signIn(t.baseUrl, t.db, { unitId: province.communeIds[1] as number, roles: ['leader'] });
    expect((await commune.call(metadataEndpoints.listIndicators, {})).body.map((i) => i.code)).toContain(indicatorCode);

    const stranger = await signIn(t.baseUrl, t.db, { unitId: (await buildProvince(t.db)).provinceId, roles: ['leader'] });
    expect((await stranger.call(metadataEndpoints.getIndicator, { params: { id: response.body.id } })).status).toBe(404);
    expect((await stranger.call(metadataEndpoints.listIndicators, {})).body.map((i) => i.code)).not.toContain(indicatorCode);

    const duplicate = await officer.call(metadataEndpoints.createIndicator, { body: { code: indicatorCode, name: 'Lặp', numerator: '1' } });
    expect(duplicate.status).toBe(409);
    expect(errorBody(duplicate).message).toBe(`Mã “${indicatorCode}” đã được dùng, hãy chọn mã khác.`);
  });

  it('refuses expressions that do not parse or read unknown elements, naming the field', async () => {
    const { officer } = await provinceWithOfficer();
    const { resolved } = await petitionElements(officer, (await genderEthnicity(officer)).combo.id);
    const post = async (body: { numerator: string; denominator?: string; target?: number }) => {
      const response = await officer.call(metadataEndpoints.createIndicator, { body: { code: code('I'), name: 'Chỉ số', ...body } });
      return `${response.status} ${errorBody(response).message}`;
    };
    expect(await post({ numerator: `#{${resolved.code}} *` })).toBe(`400 Tử số (numerator): Thiếu số hoặc chỉ tiêu ở vị trí ${resolved.code.length + 6}`);
    expect(await post({ numerator: '1', denominator: '(#{KHONG_CO}' })).toBe('400 Mẫu số (denominator): Thiếu dấu ngoặc đóng ở vị trí 13');
    expect(await post({ numerator: '#{KHONG_CO} / 2' })).toBe('400 Tử số (numerator): không có chỉ tiêu «KHONG_CO» (hoặc bạn không có quyền dùng)');
    expect(await post({ numerator: '1', target: 80 })).toBe('400 Chiều mục tiêu (targetDirection): cần chọn khi có giá trị mục tiêu (và bỏ trống khi không có)');
    expect((await officer.call(metadataEndpoints.listIndicators, {})).body).toEqual([]);
  });
});

describe('permissions', () => {
  it('a commune user may read but not configure (403 on every create)', async () => {
    const province = await buildProvince(t.db);
    const communeAdmin = await signIn(t.baseUrl, t.db, { unitId: province.communeIds[0] as number, roles: ['unit_admin', 'commission_officer'] });
    const statuses = [
      await communeAdmin.call(metadataEndpoints.createCategoryCombo, {
        body: { code: code('C'), name: 'C', categories: [{ code: code('K'), name: 'K', options: [{ code: 'A', name: 'A' }] }] },
      }),
      await communeAdmin.call(metadataEndpoints.createDataElement, { body: { code: code('E'), name: 'E', valueType: 'integer' } }),
      await communeAdmin.call(metadataEndpoints.createIndicator, { body: { code: code('I'), name: 'I', numerator: '1' } }),
      await communeAdmin.call(metadataEndpoints.createDataSet, {
        body: { code: code('D'), name: 'D', periodType: 'monthly', dueDays: 1, lockDays: 1, ownerUnitId: province.provinceId, levels: ['commune'], elements: [{ dataElementId: 1 }] },
      }),
      await communeAdmin.call(metadataEndpoints.listDataSets, {}),
      await communeAdmin.call(metadataEndpoints.listCategoryCombos, {}),
    ].map((r) => r.status);
    expect(statuses).toEqual([403, 403, 403, 403, 200, 200]);
  });
});
