import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { languageOf } from '../i18n';
import type { Loop } from './api';

/** Closing the loop: each indicator's score against the plan's target, the work linked to it, and ideas for weak ones. */
export function WeakIndicators({ loop }: { loop: Loop }) {
  const { t, i18n } = useTranslation('activity');
  const english = languageOf(i18n) === 'en';
  return (
    <section className="card" aria-labelledby="loop-heading">
      <h2 id="loop-heading">{t('loop.heading')}</h2>
      {loop.scoresFiscalYear == null ? (
        <p className="muted">{t('loop.noScores')}</p>
      ) : (
        <>
          <p className="muted">
            <span>
              {t('loop.source', { year: loop.scoresFiscalYear, total: loop.total ?? '—', rating: loop.rating ?? '—', target: loop.indicatorTarget })}
            </span>{' '}
            {loop.official ? (
              <span className="badge">{t('loop.official')}</span>
            ) : loop.provisional ? (
              <span className="badge warn">{t('loop.provisional')}</span>
            ) : null}
          </p>
          <table className="kpi-table">
            <thead>
              <tr>
                <th scope="col">{t('loop.indicator')}</th>
                <th scope="col">{t('loop.score')}</th>
                <th scope="col">{t('loop.activities')}</th>
                <th scope="col">{t('loop.suggestions')}</th>
              </tr>
            </thead>
            <tbody>
              {loop.indicators.map((row) => (
                <tr key={row.code} data-testid={`indicator-${row.code}`} className={row.weak ? 'weak' : undefined}>
                  <th scope="row">{row.code}</th>
                  <td>
                    {row.score ?? '—'}{' '}
                    {row.weak && <span className="badge warn">{t('loop.weak')}</span>}
                  </td>
                  <td>
                    {row.activities.length === 0 ? (
                      <span className="muted">{t('loop.noActivities')}</span>
                    ) : (
                      <ul>
                        {row.activities.map((a) => (
                          <li key={a.id}>
                            <Link to={`/activity/activities/${a.id}`}>{a.name}</Link> ({t(`status.${a.status}`)})
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                  <td>
                    <ul>
                      {row.suggestions.map((s) => (
                        <li key={s.activityCode}>{english ? s.nameEn : s.nameTh}</li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
