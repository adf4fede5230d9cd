import { useTranslation } from 'react-i18next';
import { languageOf } from '../../i18n';
import { textIn } from '../flow';
import type { OwnResults } from './api';
import { ResultChart } from './ResultChart';

/** Aggregates only: counts per option, the Likert mean, short texts (staff, from 5 responses). */
export function OwnResultsView({ results }: { results: OwnResults }) {
  const { t, i18n } = useTranslation('survey');
  const language = languageOf(i18n);
  return (
    <div className="own-results">
      <p>{t('own.responses', { count: results.responses })}</p>
      {results.breakdownHidden ? (
        <p className="muted">{t('own.breakdownHidden')}</p>
      ) : (
        results.questions.map((q, index) => (
          <section key={q.code} className="own-result">
            <h4>
              {index + 1}. {textIn(q.text, language)}
            </h4>
            {q.mean !== null && q.mean !== undefined && (
              <p className="own-mean">{t('own.mean', { mean: q.mean.toFixed(2), answered: q.answered ?? 0 })}</p>
            )}
            {q.options && (
              <>
                <ResultChart
                  labels={q.options.map((o) => textIn(o.label, language))}
                  counts={q.options.map((o) => o.count)}
                  name={t('own.count')}
                  label={t('own.chartOf', { question: textIn(q.text, language) })}
                />
                <table>
                  <thead>
                    <tr>
                      <th>{t('own.option')}</th>
                      <th>{t('own.count')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {q.options.map((o) => (
                      <tr key={o.code}>
                        <td>{textIn(o.label, language)}</td>
                        <td>{o.count}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </>
            )}
            {q.type === 'SHORT_TEXT' && (
              <>
                <p className="muted">{t('own.answered', { count: q.answered ?? 0 })}</p>
                {q.texts && (
                  <ul className="own-texts">
                    {q.texts.map((text, i) => (
                      <li key={i}>{text}</li>
                    ))}
                  </ul>
                )}
              </>
            )}
          </section>
        ))
      )}
    </div>
  );
}
