import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { settingsEndpoints, type TProvinceSettingKey } from '#contracts/settings.ts';
import { call } from '../../api/client.ts';

/** A province's settings, each with its value in force and its default. */
export const useProvinceSettings = (provinceId: number | null) =>
  useQuery({
    queryKey: ['settings', provinceId],
    queryFn: () => call(settingsEndpoints.list, { params: { id: provinceId as number } }),
    enabled: provinceId !== null,
  });

/** Changes one setting of a province, with a reason. */
export function useSetProvinceSetting(provinceId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ key, value, reason }: { key: TProvinceSettingKey; value: boolean | string; reason: string }) =>
      call(settingsEndpoints.set, { params: { id: provinceId, key }, body: { value, reason } }),
    onSuccess: (data) => client.setQueryData(['settings', provinceId], data),
  });
}
