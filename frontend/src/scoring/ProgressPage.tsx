import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useHttpClient } from '../api/ApiContext';
import { useAuth } from '../auth/AuthContext';
import { languageOf } from '../i18n';
import { formatThaiDate } from '../lib/thaiDate';
import { PROGRESS_REASONS, scoringApi, type ProgressReason, type RoundProgress } from './api';
import { adminApi, type Round } from './admin/api';
import { ProblemAlert } from './admin/problems';
import './admin/admin.css';

/** The round to show first: an open one (the newest if several), else the newest round. */
export function defaultRound(rounds: readonly Round[]): Round | undefined {
  const newestFirst = [...rounds].reverse().sort((a, b) => b.fiscalYear - a.fiscalYear);
  return newestFirst.find((r) => r.state === 'OPEN') ?? newestFirst[0];
}

/** Units at risk first; otherwise the service's order (by the unit tree). */
export function atRiskFirst(progress: RoundProgress['progress']): RoundProgress['progress'] {
  return [...progress].sort((a, b) => Number(b.atRisk) - Number(a.atRisk));
}

function isReason(code: string): code is ProgressReason {
  return (PROGRESS_REASONS as readonly string[]).includes(code);
}

function Deadline({ iso }: { iso: string | null | undefined }) {
  const { t, i18n } = useTranslation('scoring');
  if (!iso) return <>{t('progress.notSet')}</>;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return <>{iso}</>;
  const time = `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
  return (
    <time dateTime={iso}>
      {t('progress.dateTime', { date: formatThaiDate(date, { language: languageOf(i18n) }), time })}
    </time>
  );
}

/** The round's deadlines, how many units are at risk, and every unit's samples and OIT review. */
export function ProgressView({ data, fiscalYear }: { data: RoundProgress; fiscalYear: number }) {
  const { t } = useTranslation('scoring');
  const [onlyAtRisk, setOnlyAtRisk] = useState(false);
  const rows = atRiskFirst(data.progress).filter((p) => !onlyAtRisk || p.atRisk);
  const ratio = (received: number, required: number) => (
    <span aria-label={t('progress.ratioLabel', { received, required })}>{t('progress.ratio', { received, required })}</span>
  );
  return (
    <>
      <h2>{t('progress.deadlines')}</h2>
      <dl>
        <dt>{t('progress.surveyClosesAt')}</dt>
        <dd>
          <Deadline iso={data.surveyClosesAt} />
        </dd>
        <dt>{t('progress.reviewClosesAt')}</dt>
        <dd>
          <Deadline iso={data.reviewClosesAt} />
        </dd>
      </dl>
      <p>
        <strong>{t('progress.summary', { units: data.units, atRisk: data.unitsAtRisk })}</strong>
      </p>
      <p className="muted">{t('progress.rule')}</p>
      {data.progress.length === 0 ? (
        <p>{t('progress.noUnits')}</p>
      ) : (
        <>
          <label>
            <input type="checkbox" checked={onlyAtRisk} onChange={(e) => setOnlyAtRisk(e.target.checked)} />
            {t('progress.onlyAtRisk')}
          </label>
          {rows.length === 0 ? (
            <p>{t('progress.noneAtRisk')}</p>
          ) : (
            <table>
              <caption>{t('progress.table')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('progress.code')}</th>
                  <th scope="col">{t('progress.unit')}</th>
                  <th scope="col">{t('progress.iit')}</th>
                  <th scope="col">{t('progress.eit')}</th>
                  <th scope="col">{t('progress.oitReviewed')}</th>
                  <th scope="col">{t('progress.oitPassed')}</th>
                  <th scope="col">{t('progress.status')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((p) => (
                  <tr key={p.code}>
                    <th scope="row">
                      <Link to={`/scoring/units/${encodeURIComponent(p.code)}/years/${fiscalYear}`}>{p.code}</Link>
                    </th>
                    <td>{p.nameTh}</td>
                    <td>{ratio(p.iitReceived, p.iitRequired)}</td>
                    <td>{ratio(p.eitReceived, p.eitRequired)}</td>
                    <td>{ratio(p.oitReviewed, p.oitItems)}</td>
                    <td>{p.oitPassed}</td>
                    <td>
                      {p.atRisk ? (
                        <>
                          <strong className="error-text">{t('progress.atRisk')}</strong>
                          <ul>
                            {p.reasons.map((r) => (
                              <li key={r}>{isReason(r) ? t(`progress.reasons.${r}`) : r}</li>
                            ))}
                          </ul>
                        </>
                      ) : (
                        t('progress.ok')
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </>
  );
}

/** An area administrator's view of a round in progress: who is behind, and why, before the deadlines pass. */
export function ProgressPage() {
  const { t } = useTranslation('scoring');
  const { session } = useAuth();
  const params = useParams();
  const http = useHttpClient();
  const unitCode = params.unitCode ?? session?.unitCode ?? null;
  const rounds = useQuery({ queryKey: ['scoring', 'rounds'], queryFn: () => adminApi.rounds(http) });
  const [chosen, setChosen] = useState<string | null>(null);
  const round = rounds.data?.find((r) => r.id === chosen) ?? (rounds.data ? defaultRound(rounds.data) : undefined);
  const progress = useQuery({
    queryKey: ['scoring', 'progress', unitCode, round?.id],
    queryFn: () => scoringApi.progress(http, unitCode!, round!.id),
    enabled: Boolean(unitCode && round),
  });

  return (
    <section className="scoring-admin">
      <h1>{t('progress.title')}</h1>
      {!unitCode ? (
        <p>{t('dashboard.noUnit')}</p>
      ) : rounds.error ? (
        <ProblemAlert error={rounds.error} />
      ) : !rounds.data ? (
        <p>{t('loading')}</p>
      ) : rounds.data.length === 0 || !round ? (
        <p>{t('admin.rounds.none')}</p>
      ) : (
        <>
          <label>
            {t('progress.round')}
            <select value={round.id} onChange={(e) => setChosen(e.target.value)}>
              {rounds.data.map((r) => (
                <option key={r.id} value={r.id}>
                  {t('progress.roundOption', { name: r.name, year: r.fiscalYear, state: t(`admin.rounds.state.${r.state}`) })}
                </option>
              ))}
            </select>
          </label>
          {progress.error ? (
            <ProblemAlert error={progress.error} />
          ) : progress.data ? (
            <ProgressView key={round.id} data={progress.data} fiscalYear={round.fiscalYear} />
          ) : (
            <p>{t('loading')}</p>
          )}
        </>
      )}
    </section>
  );
}
