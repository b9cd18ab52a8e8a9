import { useQueryClient } from '@tanstack/react-query';
import { ImportPanel } from '../../components/ImportPanel.tsx';
import { t } from '../../i18n/i18n.ts';
import { importVillages } from './units.api.ts';

type VillageRow = Awaited<ReturnType<typeof importVillages>>['rows'][number];

/**
 * "Nhập từ Excel/CSV": villages of a commune from a spreadsheet (columns Tên, Loại); with `backfill`, into an
 * ended commune's history (system administrators, audited as such).
 */
export function VillageImport({ communeId, backfill = false }: { communeId: number; backfill?: boolean }) {
  const client = useQueryClient();
  return (
    <ImportPanel<VillageRow>
      title={t(backfill ? 'village.backfillImport' : 'village.import')}
      hint={t('village.importHint')}
      columns={[
        { label: t('village.name'), value: (row) => row.name },
        { label: t('village.type'), value: (row) => row.type },
      ]}
      run={(file, dryRun) => importVillages(communeId, file, dryRun, backfill)}
      target={`admin_unit:${communeId}`}
      onImported={() => void client.invalidateQueries({ queryKey: ['units'] })}
    />
  );
}
