/**
 * The counts table of resources/admin-units/history-2019-2025/README.md: date, provinces, districts, communes, then
 * communes / districts of Quảng Trị (45), Quảng Ninh (22), Ninh Bình (37), Điện Biên (11). The replay's unit test and
 * the API test of the loaded units both check it.
 */
export const README_COUNTS: readonly [string, number, number, number, [number, number][]][] = [
  ['2019-01-01', 63, 713, 11_162, [[141, 10], [186, 14], [145, 8], [130, 10]]],
  ['2020-01-01', 63, 711, 10_767, [[125, 10], [177, 13], [145, 8], [129, 10]]],
  ['2021-01-01', 63, 705, 10_603, [[125, 10], [177, 13], [143, 8], [129, 10]]],
  ['2022-01-01', 63, 705, 10_599, [[125, 10], [177, 13], [143, 8], [129, 10]]],
  ['2023-01-01', 63, 705, 10_599, [[125, 10], [177, 13], [143, 8], [129, 10]]],
  ['2024-01-01', 63, 705, 10_598, [[125, 10], [177, 13], [143, 8], [129, 10]]],
  ['2025-01-01', 63, 696, 10_039, [[119, 10], [171, 13], [125, 7], [129, 10]]],
  ['2025-06-30', 63, 696, 10_035, [[119, 10], [171, 13], [125, 7], [129, 10]]],
];

/** The seed provinces of the table, in its column order. */
export const README_PROVINCES = ['45', '22', '37', '11'] as const;
