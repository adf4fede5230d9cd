import { useMemo, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useHttpClient } from '../api/ApiContext';
import { ProblemError } from '../api/http';
import { useAuth } from '../auth/AuthContext';
import { languageOf } from '../i18n';
import { posterPdfUrl, qrImageUrl, slipsPdfPath, surveyApi, type CodeBatch } from './api';
import { apiBase, fetchFile, saveFile } from '../api/files';
import { codesCsv, textIn } from './flow';
import './survey.css';

function download(name: string, text: string, type: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  URL.revokeObjectURL(url);
}

/** Staff screen of one unit in one round: IIT codes, the EIT link and QR, and progress. */
export function StaffSurveyPage() {
  const { t } = useTranslation('survey');
  const { session } = useAuth();
  const [params, setParams] = useSearchParams();
  const [roundInput, setRoundInput] = useState(params.get('round') ?? '');
  const [unitInput, setUnitInput] = useState(params.get('unit') ?? session?.unitCode ?? '');
  const http = useHttpClient();
  const rounds = useQuery({ queryKey: ['survey', 'rounds'], queryFn: () => surveyApi(http).rounds() });
  const roundId = params.get('round') ?? '';
  const unitCode = params.get('unit') ?? '';
  return (
    <section className="staff-survey">
      <h1>{t('staff.title')}</h1>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          setParams({ round: roundInput.trim(), unit: unitInput.trim() });
        }}
      >
        <label>
          {t('staff.round')}{' '}
          <select value={roundInput} onChange={(e) => setRoundInput(e.target.value)} required>
            <option value="">{t('staff.chooseRound')}</option>
            {(rounds.data ?? []).map((r) => (
              <option key={r.id} value={r.id}>
                {`${r.name ?? r.id} (${r.fiscalYear ?? ''} ${r.state})`}
              </option>
            ))}
          </select>
        </label>{' '}
        <label>
          {t('staff.unit')} <input value={unitInput} onChange={(e) => setUnitInput(e.target.value)} required />
        </label>{' '}
        <button type="submit" className="button">
          {t('staff.show')}
        </button>
      </form>
      {roundId && unitCode && <UnitPanels roundId={roundId} unitCode={unitCode} />}
    </section>
  );
}

function UnitPanels({ roundId, unitCode }: { roundId: string; unitCode: string }) {
  const { t, i18n } = useTranslation('survey');
  const language = languageOf(i18n);
  const http = useHttpClient();
  const api = useMemo(() => surveyApi(http), [http]);
  const queryClient = useQueryClient();
  const [count, setCount] = useState('');
  const [batch, setBatch] = useState<CodeBatch | null>(null);
  const [slips, setSlips] = useState<string[] | null>(null);
  const [toVoid, setToVoid] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const summary = useQuery({ queryKey: ['survey', 'codes', roundId, unitCode], queryFn: () => api.codeSummary(roundId, unitCode) });
  const link = useQuery({ queryKey: ['survey', 'link', roundId, unitCode], queryFn: () => api.eitLink(roundId, unitCode) });
  const progress = useQuery({
    queryKey: ['survey', 'progress', roundId, unitCode],
    queryFn: () => api.progress(roundId, unitCode),
    refetchInterval: 10_000,
  });
  const problem = (error: unknown) => (error instanceof ProblemError ? error.detailFor(language) : t('staff.failed'));
  const generate = useMutation({
    mutationFn: () => api.generateCodes(roundId, unitCode, count ? Number(count) : undefined),
    onSuccess: (result) => {
      setBatch(result);
      setSlips(null);
      setNotice(null);
      void queryClient.invalidateQueries({ queryKey: ['survey', 'codes', roundId, unitCode] });
    },
    onError: (error) => setNotice(problem(error)),
  });
  // The slips PDF is its own batch: the codes exist in clear only in the answer that made them.
  const slipsPdf = useMutation({
    mutationFn: () =>
      fetchFile(slipsPdfPath(roundId, unitCode), {
        method: 'POST',
        accept: 'application/pdf',
        body: count ? { count: Number(count) } : {},
      }),
    onSuccess: (file) => {
      saveFile(`iit-slips-${unitCode}.pdf`, file);
      setBatch(null);
      setSlips(null);
      setNotice(t('staff.slipsPdfReady'));
      void queryClient.invalidateQueries({ queryKey: ['survey', 'codes', roundId, unitCode] });
    },
    onError: (error) => setNotice(problem(error)),
  });
  const voidCodes = useMutation({
    mutationFn: (what: { codes?: string[]; batchId?: string }) => api.voidCodes(roundId, unitCode, what),
    onSuccess: (result) => {
      setNotice(t('staff.voided', { count: result.voided }));
      setToVoid('');
      void queryClient.invalidateQueries({ queryKey: ['survey', 'codes', roundId, unitCode] });
    },
    onError: (error) => setNotice(problem(error)),
  });

  return (
    <>
      {notice && (
        <p className="alert" role="status">
          {notice}
        </p>
      )}
      <section className="card">
        <h2>{t('staff.codes')}</h2>
        {summary.isError && <p className="alert">{problem(summary.error)}</p>}
        {summary.data && (
          <p>
            {t('staff.codeCounts', {
              generated: summary.data.generated,
              used: summary.data.used,
              voided: summary.data.voided,
              unused: summary.data.unused,
              staff: summary.data.staffCount,
            })}
          </p>
        )}
        <form
          onSubmit={(event) => {
            event.preventDefault();
            generate.mutate();
          }}
        >
          <label>
            {t('staff.count')}{' '}
            <input type="number" min={1} max={2000} value={count} placeholder={String(summary.data?.staffCount ?? '')} onChange={(e) => setCount(e.target.value)} />
          </label>{' '}
          <button type="submit" className="button" disabled={generate.isPending}>
            {t('staff.generate')}
          </button>{' '}
          <button type="button" className="button secondary" disabled={slipsPdf.isPending} onClick={() => slipsPdf.mutate()}>
            {t('staff.generateSlipsPdf')}
          </button>
        </form>
        {batch && (
          <div>
            <p className="alert">{t('staff.shownOnce')}</p>
            <button type="button" className="button" onClick={() => download(`iit-codes-${unitCode}-${batch.createdOn}.csv`, codesCsv(batch), 'text/csv')}>
              {t('staff.downloadCsv')}
            </button>
            <button
              type="button"
              className="button"
              onClick={() =>
                void api
                  .qrSvgs(batch.codes.map((code) => `${batch.surveyUrl}#code=${code}`))
                  .then((result) => setSlips(result.svgs))
                  .catch((error: unknown) => setNotice(problem(error)))
              }
            >
              {t('staff.printSlips')}
            </button>
            {slips && (
              <div className="slips">
                <p className="no-print">
                  <button type="button" className="button" onClick={() => window.print()}>
                    {t('staff.print')}
                  </button>
                </p>
                {batch.codes.map((code, index) => (
                  <div key={code} className="slip">
                    {/* SVG made by our own service from the link; it contains no script. */}
                    <div className="slip-qr" dangerouslySetInnerHTML={{ __html: slips[index] ?? '' }} />
                    <div>
                      <p className="slip-title">{t('staff.slipTitle')}</p>
                      <p className="slip-code">{code}</p>
                      <p className="slip-help">{t('staff.slipHelp', { url: batch.surveyUrl })}</p>
                    </div>
                  </div>
                ))}
              </div>
            )}
            <ul className="codes">
              {batch.codes.map((code) => (
                <li key={code}>{code}</li>
              ))}
            </ul>
          </div>
        )}
        {summary.data && summary.data.batches.length > 0 && (
          <table>
            <thead>
              <tr>
                <th>{t('staff.batchDate')}</th>
                <th>{t('staff.batchBy')}</th>
                <th>{t('staff.batchSize')}</th>
                <th>{t('staff.batchVoided')}</th>
                <th>
                  <span className="visually-hidden">{t('staff.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {summary.data.batches.map((b) => (
                <tr key={b.batchId}>
                  <td>{b.createdOn}</td>
                  <td>{b.createdBy}</td>
                  <td>{b.size}</td>
                  <td>{b.voided}</td>
                  <td>
                    <button type="button" className="button secondary" onClick={() => voidCodes.mutate({ batchId: b.batchId })}>
                      {t('staff.voidBatch')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <form
          onSubmit={(event) => {
            event.preventDefault();
            const codes = toVoid.split(/[\s,]+/).filter(Boolean);
            if (codes.length > 0) voidCodes.mutate({ codes });
          }}
        >
          <label htmlFor="void-codes">{t('staff.voidCodes')}</label>
          <textarea id="void-codes" value={toVoid} onChange={(e) => setToVoid(e.target.value)} rows={2} />
          <button type="submit" className="button secondary">
            {t('staff.void')}
          </button>
        </form>
      </section>

      <section className="card">
        <h2>{t('staff.link')}</h2>
        {link.isError && <p className="alert">{problem(link.error)}</p>}
        {link.data && (
          <>
            <p>
              <a href={link.data.url}>{link.data.url}</a>
            </p>
            <img className="qr" src={qrImageUrl(apiBase(), link.data, 'svg')} alt={t('staff.qrAlt')} />
            <p>
              <a href={qrImageUrl(apiBase(), link.data, 'svg')} download>
                SVG
              </a>{' '}
              ·{' '}
              <a href={qrImageUrl(apiBase(), link.data, 'png')} download>
                PNG
              </a>{' '}
              ·{' '}
              <a href={posterPdfUrl(apiBase(), link.data)} download>
                {t('staff.posterPdf')}
              </a>
            </p>
          </>
        )}
      </section>

      <section className="card">
        <h2>{t('staff.progress')}</h2>
        {progress.isError && <p className="alert">{problem(progress.error)}</p>}
        {progress.data && (
          <table>
            <caption>{textIn(progress.data.unitName, language)}</caption>
            <thead>
              <tr>
                <th>{t('staff.instrument')}</th>
                <th>{t('staff.received')}</th>
                <th>{t('staff.required')}</th>
              </tr>
            </thead>
            <tbody>
              {progress.data.instruments.map((i) => (
                <tr key={i.instrument}>
                  <td>{i.instrument}</td>
                  <td>{i.received}</td>
                  <td>{i.required}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {progress.data && <p className="muted">{t('staff.countsInSteps', { step: progress.data.releaseStep })}</p>}
        {progress.data?.instruments.some((i) => i.breakdownHidden) && <p className="muted">{t('staff.breakdownHidden')}</p>}
      </section>
    </>
  );
}
