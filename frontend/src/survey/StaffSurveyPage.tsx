import { useMemo, useState } from 'react';
import { Actions, Button, DataTable, Notice, PageSection, TextAreaField, TextField } from '../ui/controls';
import { SelectField } from '../ui/controls';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useHttpClient } from '../api/ApiContext';
import { ProblemError } from '../api/http';
import { useAuth } from '../auth/AuthContext';
import { languageOf } from '../i18n/language';
import { posterPdfUrl, qrImageUrl, slipsPdfPath, surveyApi, type CodeBatch, type Round } from './api';
import { apiBase, fetchFile, saveFile } from '../api/files';
import { codesCsv, textIn } from './flow';
import { formatThaiDate } from '../lib/thaiDate';
import './survey.css';

function download(name: string, text: string, type: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  URL.revokeObjectURL(url);
}

/** The round to show first: the open one (the latest year if several), else the latest. */
export function defaultRound(rounds: Round[]): Round | undefined {
  const byYear = [...rounds].sort((a, b) => (b.fiscalYear ?? 0) - (a.fiscalYear ?? 0));
  return byYear.find((r) => r.state === 'OPEN') ?? byYear[0];
}

/**
 * Staff screen of one unit in one round: IIT codes, the EIT link and QR, and progress. The open
 * round and her own unit are chosen already, the units offered are those she looks after (never
 * typed), and the choice is kept in the address so the page can be bookmarked and shared.
 */
export function StaffSurveyPage() {
  const { t, i18n } = useTranslation('survey');
  const language = languageOf(i18n);
  const { session } = useAuth();
  const [params, setParams] = useSearchParams();
  const http = useHttpClient();
  const api = useMemo(() => surveyApi(http), [http]);
  const rounds = useQuery({ queryKey: ['survey', 'rounds'], queryFn: () => api.rounds() });
  const roundId = params.get('round') ?? (rounds.data ? (defaultRound(rounds.data)?.id ?? '') : '');
  const units = useQuery({
    queryKey: ['survey', 'round-units', roundId],
    queryFn: () => api.roundProgress(roundId),
    enabled: roundId !== '',
  });
  const unitChoices = (units.data ?? []).map((u) => ({ value: u.unitCode, label: `${textIn(u.unitName, language)} (${u.unitCode})` }));
  const ownUnit = session?.unitCode && (!units.data || unitChoices.some((c) => c.value === session.unitCode)) ? session.unitCode : undefined;
  const unitCode = params.get('unit') ?? ownUnit ?? unitChoices[0]?.value ?? '';
  if (unitCode && !unitChoices.some((c) => c.value === unitCode)) unitChoices.unshift({ value: unitCode, label: unitCode });
  const roundChoices = (rounds.data ?? []).map((r) => ({
    value: r.id,
    label: t('staff.roundChoice', {
      name: r.name ?? r.id,
      year: r.fiscalYear ?? '',
      state: t(`staff.roundState.${r.state}` as never, { defaultValue: r.state }),
    }),
  }));
  if (roundId && !roundChoices.some((c) => c.value === roundId)) roundChoices.unshift({ value: roundId, label: roundId });
  const choose = (next: { round?: string; unit?: string }) => {
    const round = next.round ?? roundId;
    setParams({ round, ...(next.round ? {} : { unit: next.unit ?? unitCode }) }, { replace: true });
  };
  return (
    <section className="staff-survey">
      <h1>{t('staff.title')}</h1>
      <div className="ui-inline-fields">
        <SelectField label={t('staff.round')} choices={roundChoices} value={roundId} onChange={(e) => choose({ round: e.target.value })} />
        {unitChoices.length > 0 && (
          <SelectField label={t('staff.unit')} choices={unitChoices} value={unitCode} onChange={(e) => choose({ unit: e.target.value })} />
        )}
      </div>
      {rounds.data?.length === 0 && !roundId && <p>{t('staff.noRounds')}</p>}
      {units.data?.length === 0 && !unitCode && <p>{t('staff.noUnits')}</p>}
      {roundId && unitCode && <UnitPanels key={`${roundId}/${unitCode}`} roundId={roundId} unitCode={unitCode} />}
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
  const [toVoid, setToVoid] = useState('');
  const [notice, setNotice] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
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
      setNotice(null);
      void queryClient.invalidateQueries({ queryKey: ['survey', 'codes', roundId, unitCode] });
    },
    onError: (error) => setNotice({ tone: 'error', text: problem(error) }),
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
      setNotice({ tone: 'success', text: t('staff.slipsPdfReady') });
      void queryClient.invalidateQueries({ queryKey: ['survey', 'codes', roundId, unitCode] });
    },
    onError: (error) => setNotice({ tone: 'error', text: problem(error) }),
  });
  const voidCodes = useMutation({
    mutationFn: (what: { codes?: string[]; batchId?: string }) => api.voidCodes(roundId, unitCode, what),
    onSuccess: (result) => {
      setNotice({ tone: 'success', text: t('staff.voided', { count: result.voided }) });
      setToVoid('');
      void queryClient.invalidateQueries({ queryKey: ['survey', 'codes', roundId, unitCode] });
    },
    onError: (error) => setNotice({ tone: 'error', text: problem(error) }),
  });

  return (
    <>
      {notice && <Notice tone={notice.tone}>{notice.text}</Notice>}
      <PageSection title={t('staff.codes')}>
        {summary.isError && <Notice tone="error">{problem(summary.error)}</Notice>}
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
          <TextField
            label={t('staff.count')}
            type="number"
            min={1}
            max={2000}
            inputMode="numeric"
            value={count}
            placeholder={String(summary.data?.staffCount ?? '')}
            onChange={(e) => setCount(e.target.value)}
          />
          <p className="muted">{t('staff.slipsHint')}</p>
          <Actions>
            <Button variant="primary" disabled={slipsPdf.isPending} onClick={() => slipsPdf.mutate()}>
              {t('staff.generateSlipsPdf')}
            </Button>
            <Button type="submit" disabled={generate.isPending}>
              {t('staff.generate')}
            </Button>
          </Actions>
        </form>
        {batch && (
          <div>
            <Notice tone="info">{t('staff.shownOnce')}</Notice>
            <Actions>
              <Button variant="primary" onClick={() => download(`iit-codes-${unitCode}-${batch.createdOn}.csv`, codesCsv(batch), 'text/csv')}>
                {t('staff.downloadCsv')}
              </Button>
            </Actions>
            <ul className="codes">
              {batch.codes.map((code) => (
                <li key={code}>{code}</li>
              ))}
            </ul>
          </div>
        )}
        {summary.data && summary.data.batches.length > 0 && (
          <DataTable label={t('staff.batches')}>
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
                  <td>{formatThaiDate(new Date(`${b.createdOn}T00:00:00`), { language, style: 'short' })}</td>
                  <td>{b.createdBy}</td>
                  <td>{b.size}</td>
                  <td>{b.voided}</td>
                  <td>
                    <Button onClick={() => voidCodes.mutate({ batchId: b.batchId })}>{t('staff.voidBatch')}</Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        )}
        <form
          onSubmit={(event) => {
            event.preventDefault();
            const codes = toVoid.split(/[\s,]+/).filter(Boolean);
            if (codes.length > 0) voidCodes.mutate({ codes });
          }}
        >
          <TextAreaField label={t('staff.voidCodes')} value={toVoid} onChange={(e) => setToVoid(e.target.value)} rows={2} />
          <Actions>
            <Button type="submit">{t('staff.void')}</Button>
          </Actions>
        </form>
      </PageSection>

      <PageSection title={t('staff.link')}>
        {link.isError && <Notice tone="error">{problem(link.error)}</Notice>}
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
      </PageSection>

      <PageSection title={t('staff.progress')}>
        {progress.isError && <Notice tone="error">{problem(progress.error)}</Notice>}
        {progress.data && (
          <DataTable label={t('staff.progress')} caption={textIn(progress.data.unitName, language)}>
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
          </DataTable>
        )}
        {progress.data && <p className="muted">{t('staff.countsInSteps', { step: progress.data.releaseStep })}</p>}
        {progress.data?.instruments.some((i) => i.breakdownHidden) && <p className="muted">{t('staff.breakdownHidden')}</p>}
      </PageSection>
    </>
  );
}
