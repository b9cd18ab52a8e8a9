import { useId } from 'react';
import type { TProgrammeDetail } from '#contracts/programmes/programmes.api.ts';
import type { TBudget } from '#contracts/programmes/tasks.api.ts';
import { Empty, ErrorMessage, Loading } from '../../components/Status.tsx';
import { formatNumber } from '../../i18n/format.ts';
import { t } from '../../i18n/i18n.ts';
import { formatMoney } from './programme-text.ts';
import { useBudget } from './programmes.api.ts';

const yearLabel = (year: number | null) => (year === null ? t('programmes.budget.noYear') : String(year));

/** Totals per year and overall: planned, allocated, spent. */
export function BudgetTotals({ budget }: { budget: TBudget }) {
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
              {formatMoney(year.planned)}
            </td>
            <td className="num" data-label={t('programmes.budget.allocated')}>
              {formatMoney(year.allocated)}
            </td>
            <td className="num" data-label={t('programmes.budget.spent')}>
              {formatMoney(year.spent)}
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
            {formatMoney(budget.total.planned)}
          </td>
          <td className="num" data-label={t('programmes.budget.allocated')}>
            {formatMoney(budget.total.allocated)}
          </td>
          <td className="num" data-label={t('programmes.budget.spent')}>
            {formatMoney(budget.total.spent)}
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
  return (
    <section aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('programmes.tab.budget')}</h2>
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
