import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useHttpClient } from '../api/ApiContext';
import { useAuth } from '../auth/AuthContext';
import { languageOf } from '../i18n';
import { formatThaiDate } from '../lib/thaiDate';
import { PROGRESS_REASONS, progressExportPath, scoringApi, type ProgressReason, type RoundProgress } from './api';
import { ExportButtons } from './ExportButtons';
import { adminApi, type Round } from './admin/api';
import { ProblemAlert } from './admin/problems';
import './admin/admin.css';

/** The round to show first: an open one (the newest if several), else the newest round. */
export function defaultRound(rounds: readonly Round[]): Round | undefined {
  const newestFirst = [...rounds].reverse().sort((a, b) => b.fiscalYear - a.fiscalYear);
  return newestFirst.find((r) => r.state === 'OPEN') ?? newestFirst[0];
}

/** Rows per page of the progress table. */
export const PAGE_SIZE = 100;

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

/** How many units in scope are at risk for each reason: the known reasons in order, then any the service adds later. */
function ReasonCounts({ reasons }: { reasons: Record<string, number> }) {
  const { t } = useTranslation('scoring');
  const codes = [...PROGRESS_REASONS, ...Object.keys(reasons).filter((code) => !isReason(code))];
  return (
    <>
      <p id="progress-by-reason">{t('progress.byReason')}</p>
      <ul aria-labelledby="progress-by-reason">
        {codes.map((code) => (
          <li key={code}>
            {t('progress.reasonCount', { reason: isReason(code) ? t(`progress.reasons.${code}`) : code, count: reasons[code] ?? 0 })}
          </li>
        ))}
      </ul>
    </>
  );
}

/** Which rows of how many the page shows, with buttons to the pages before and after. */
function Pager({ data, onPage }: { data: RoundProgress; onPage: (page: number) => void }) {
  const { t } = useTranslation('scoring');
  const from = data.page * data.size + 1;
  const to = data.page * data.size + data.progress.length;
  return (
    <nav aria-label={t('progress.pages')} className="pager">
      <button type="button" className="button secondary" disabled={data.page === 0} onClick={() => onPage(data.page - 1)}>
        {t('progress.previous')}
      </button>
      <span role="status">{t('progress.shown', { from, to, matching: data.matching })}</span>
      <button type="button" className="button secondary" disabled={to >= data.matching} onClick={() => onPage(data.page + 1)}>
        {t('progress.next')}
      </button>
    </nav>
  );
}

export interface ProgressViewProps {
  data: RoundProgress;
  fiscalYear: number;
  /** Whether the service was asked for units at risk only. */
  onlyAtRisk: boolean;
  onOnlyAtRiskChange: (onlyAtRisk: boolean) => void;
  onPage: (page: number) => void;
  /** The page on screen is the previous one while the next is on its way. */
  stale?: boolean;
}

/** The round's deadlines, how many units are at risk and why, and one page of every unit's samples and OIT review. */
export function ProgressView({ data, fiscalYear, onlyAtRisk, onOnlyAtRiskChange, onPage, stale = false }: ProgressViewProps) {
  const { t } = useTranslation('scoring');
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
      <ReasonCounts reasons={data.reasons} />
      <p className="muted">{t('progress.rule')}</p>
      {data.units === 0 ? (
        <p>{t('progress.noUnits')}</p>
      ) : (
        <>
          <label>
            <input type="checkbox" checked={onlyAtRisk} onChange={(e) => onOnlyAtRiskChange(e.target.checked)} />
            {t('progress.onlyAtRisk')}
          </label>
          {data.matching === 0 ? (
            <p>{onlyAtRisk ? t('progress.noneAtRisk') : t('progress.noUnits')}</p>
          ) : (
            <>
              <table aria-busy={stale}>
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
                  {data.progress.map((p) => (
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
              <Pager data={data} onPage={onPage} />
            </>
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
  const [onlyAtRisk, setOnlyAtRisk] = useState(false);
  const round = rounds.data?.find((r) => r.id === chosen) ?? (rounds.data ? defaultRound(rounds.data) : undefined);
  // The page belongs to one unit, round and filter: any other starts again from the first page.
  const pageOf = `${unitCode}|${round?.id}|${onlyAtRisk}`;
  const [paging, setPaging] = useState({ of: pageOf, page: 0 });
  const page = paging.of === pageOf ? paging.page : 0;
  const progress = useQuery({
    queryKey: ['scoring', 'progress', unitCode, round?.id, { atRisk: onlyAtRisk, page, size: PAGE_SIZE }],
    queryFn: () => scoringApi.progress(http, unitCode!, round!.id, { atRisk: onlyAtRisk, page, size: PAGE_SIZE }),
    enabled: Boolean(unitCode && round),
    // Paging or filtering keeps the controls (and their focus) on screen until the new rows come; another unit or round does not.
    placeholderData: (previous, previousQuery) =>
      previousQuery?.queryKey[2] === unitCode && previousQuery.queryKey[3] === round?.id ? previous : undefined,
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
            <>
              <ProgressView
                data={progress.data}
                fiscalYear={round.fiscalYear}
                onlyAtRisk={onlyAtRisk}
                onOnlyAtRiskChange={setOnlyAtRisk}
                onPage={(next) => setPaging({ of: pageOf, page: next })}
                stale={progress.isPlaceholderData}
              />
              {progress.data.units > 0 && (
                <ExportButtons
                  label={t('progress.export')}
                  path={(format) => progressExportPath(unitCode, round.id, format, onlyAtRisk)}
                  name={`ita-progress-${unitCode}-${round.fiscalYear}`}
                />
              )}
            </>
          ) : (
            <p>{t('loading')}</p>
          )}
        </>
      )}
    </section>
  );
}
