import { useId, useState } from 'react';
import type { TProgrammeDetail } from '#contracts/programmes/programmes.api.ts';
import type { TBudget } from '#contracts/programmes/tasks.api.ts';
import { Empty, ErrorMessage, Loading } from '../../components/Status.tsx';
import { formatNumber } from '../../i18n/format.ts';
import { t } from '../../i18n/i18n.ts';
import { formatMoney } from './programme-text.ts';
import { BudgetLineForm, DeleteBudgetLine } from './ProgrammeForms.tsx';
import { useBudget } from './programmes.api.ts';

const yearLabel = (year: number | null) => (year === null ? t('programmes.budget.noYear') : String(year));

type Column = 'planned' | 'allocated' | 'spent';

/** Totals per year and overall: planned, allocated, spent; "—" where no line of the year has that figure (not 0 đ). */
export function BudgetTotals({ budget }: { budget: TBudget }) {
  const known = (year: number | null | 'all', column: Column) => budget.lines.some((line) => (year === 'all' || line.year === year) && line[column] !== null);
  const sum = (year: number | null | 'all', column: Column, value: number) => (known(year, column) ? formatMoney(value) : t('common.none'));
  return (
    <table className="table responsive prog-table prog-money">
      <caption className="prog-caption">{t('programmes.budget.totals')}</caption>
      <thead>
        <tr>
          <th>{t('programmes.year')}</th>
          <th className="num">{t('programmes.budget.planned')}</th>
          <th className="num">{t('programmes.budget.allocated')}</th>
          <th className="num">{t('programmes.budget.spent')}</th>
          <th className="num">{t('programmes.budget.lines')}</th>
        </tr>
      </thead>
      <tbody>
        {budget.years.map((year) => (
          <tr key={year.year ?? 'none'}>
            <td>{yearLabel(year.year)}</td>
            <td className="num" data-label={t('programmes.budget.planned')}>
              {sum(year.year, 'planned', year.planned)}
            </td>
            <td className="num" data-label={t('programmes.budget.allocated')}>
              {sum(year.year, 'allocated', year.allocated)}
            </td>
            <td className="num" data-label={t('programmes.budget.spent')}>
              {sum(year.year, 'spent', year.spent)}
            </td>
            <td className="num" data-label={t('programmes.budget.lines')}>
              {formatNumber(year.lineCount)}
            </td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr className="prog-total-row">
          <th scope="row">{t('programmes.budget.total')}</th>
          <td className="num" data-label={t('programmes.budget.planned')}>
            {sum('all', 'planned', budget.total.planned)}
          </td>
          <td className="num" data-label={t('programmes.budget.allocated')}>
            {sum('all', 'allocated', budget.total.allocated)}
          </td>
          <td className="num" data-label={t('programmes.budget.spent')}>
            {sum('all', 'spent', budget.total.spent)}
          </td>
          <td className="num" data-label={t('programmes.budget.lines')}>
            {formatNumber(budget.total.lineCount)}
          </td>
        </tr>
      </tfoot>
    </table>
  );
}

/** "Kinh phí": the budget lines per year (planned, allocated, spent; "—" where the document sets no figure), and the totals. */
export function BudgetSection({ programme }: { programme: TProgrammeDetail }) {
  const id = useId();
  const budget = useBudget(programme.id);
  const data = budget.data;
  const [editing, setEditing] = useState<number | 'new' | null>(null);
  const manage = programme.canManage;
  const editedLine = data?.lines.find((line) => line.id === editing);
  return (
    <section aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('programmes.tab.budget')}</h2>
      {manage &&
        (editing === 'new' || editedLine ? (
          <div className="panel prog-panel">
            <BudgetLineForm key={editing} programmeId={programme.id} {...(editedLine ? { line: editedLine } : {})} onDone={() => setEditing(null)} />
          </div>
        ) : (
          <p>
            <button type="button" onClick={() => setEditing('new')}>
              {t('programmes.edit.lineNew')}
            </button>
          </p>
        ))}
      {budget.isPending && <Loading />}
      <ErrorMessage error={budget.error} />
      {data && data.lines.length === 0 && <Empty>{t('programmes.budget.none')}</Empty>}
      {data && data.lines.length > 0 && (
        <>
          <table className="table responsive prog-table prog-money">
            <thead>
              <tr>
                <th>{t('programmes.budget.line')}</th>
                <th>{t('programmes.year')}</th>
                <th>{t('programmes.budget.source')}</th>
                <th className="num">{t('programmes.budget.planned')}</th>
                <th className="num">{t('programmes.budget.allocated')}</th>
                <th className="num">{t('programmes.budget.spent')}</th>
                {manage && <th>{t('programmes.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {data.lines.map((line) => (
                <tr key={line.id}>
                  <td>{line.title}</td>
                  <td data-label={t('programmes.year')}>{yearLabel(line.year)}</td>
                  <td data-label={t('programmes.budget.source')}>{line.source ?? t('common.none')}</td>
                  <td className="num" data-label={t('programmes.budget.planned')}>
                    {formatMoney(line.planned)}
                  </td>
                  <td className="num" data-label={t('programmes.budget.allocated')}>
                    {formatMoney(line.allocated)}
                  </td>
                  <td className="num" data-label={t('programmes.budget.spent')}>
                    {formatMoney(line.spent)}
                  </td>
                  {manage && (
                    <td data-label={t('programmes.actions')} className="prog-actions">
                      <button type="button" className="button-secondary" onClick={() => setEditing(line.id)} aria-label={t('programmes.edit.lineEditOf', { title: line.title })}>
                        {t('programmes.edit.edit')}
                      </button>
                      <DeleteBudgetLine programmeId={programme.id} line={line} />
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
          <BudgetTotals budget={data} />
        </>
      )}
    </section>
  );
}
