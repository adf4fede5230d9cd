import { useMemo, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useHttpClient } from '../../api/ApiContext';
import { ProblemError } from '../../api/http';
import { useAuth } from '../../auth/AuthContext';
import { languageOf } from '../../i18n';
import { apiBase, downloadTable } from '../../api/files';
import { textIn } from '../flow';
import '../survey.css';
import { ownQrUrl, ownSurveyApi, ownSurveyPath, tokenOf, type OwnSurvey, type OwnSurveyInput } from './api';
import { CopyableLink } from './CopyableLink';
import { OwnSurveyEditor } from './OwnSurveyEditor';
import { OwnResultsView } from './OwnResultsView';

/** Staff screen of an office's own surveys: build, publish by link/QR, follow the results. */
export function OwnSurveysPage() {
  const { t, i18n } = useTranslation('survey');
  const language = languageOf(i18n);
  const { session } = useAuth();
  const [params, setParams] = useSearchParams();
  const unitCode = params.get('unit') ?? session?.unitCode ?? '';
  const selected = params.get('survey');
  const [unitInput, setUnitInput] = useState(unitCode);
  const [creating, setCreating] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const http = useHttpClient();
  const api = useMemo(() => ownSurveyApi(http), [http]);
  const queryClient = useQueryClient();
  const problem = (error: unknown) => (error instanceof ProblemError ? error.detailFor(language) : t('staff.failed'));
  const surveys = useQuery({ queryKey: ['own', unitCode], queryFn: () => api.list(unitCode), enabled: unitCode !== '' });
  const create = useMutation({
    mutationFn: (input: OwnSurveyInput) => api.create(unitCode, input),
    onSuccess: (survey) => {
      setCreating(false);
      setNotice(t('own.saved'));
      void queryClient.invalidateQueries({ queryKey: ['own', unitCode] });
      setParams({ unit: unitCode, survey: survey.id });
    },
    onError: (error) => setNotice(problem(error)),
  });
  const current = surveys.data?.find((s) => s.id === selected);

  return (
    <section className="staff-survey own-surveys">
      <h1>{t('own.title')}</h1>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          setParams({ unit: unitInput.trim() });
        }}
      >
        <label>
          {t('staff.unit')} <input value={unitInput} onChange={(e) => setUnitInput(e.target.value)} required />
        </label>{' '}
        <button type="submit" className="button">
          {t('staff.show')}
        </button>
      </form>
      {notice && (
        <p className="alert" role="status">
          {notice}
        </p>
      )}
      {surveys.isError && <p className="alert">{problem(surveys.error)}</p>}
      {surveys.data && (
        <section className="card">
          <h2>{t('own.list')}</h2>
          {surveys.data.length === 0 && <p className="muted">{t('own.none')}</p>}
          {surveys.data.length > 0 && (
            <table>
              <thead>
                <tr>
                  <th>{t('own.surveyTitle')}</th>
                  <th>{t('own.state')}</th>
                  <th>{t('own.responsesHead')}</th>
                  <th>
                  <span className="visually-hidden">{t('own.actions')}</span>
                </th>
                </tr>
              </thead>
              <tbody>
                {surveys.data.map((s) => (
                  <tr key={s.id}>
                    <td>{textIn(s.title, language)}</td>
                    <td>{t(`own.states.${s.state}`)}</td>
                    <td>{s.responses}</td>
                    <td>
                      <button type="button" className="button secondary" onClick={() => setParams({ unit: unitCode, survey: s.id })}>
                        {t('own.open', { title: textIn(s.title, language) })}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <p>
            <button type="button" className="button" onClick={() => setCreating(true)}>
              {t('own.new')}
            </button>
          </p>
        </section>
      )}
      {creating && (
        <section className="card">
          <h2>{t('own.new')}</h2>
          <OwnSurveyEditor saving={create.isPending} onSave={(input) => create.mutate(input)} />
        </section>
      )}
      {current && !creating && <SurveyPanel key={current.id} survey={current} onNotice={setNotice} problem={problem} />}
    </section>
  );
}

function SurveyPanel(props: { survey: OwnSurvey; onNotice: (text: string) => void; problem: (error: unknown) => string }) {
  const { survey } = props;
  const { t, i18n } = useTranslation('survey');
  const language = languageOf(i18n);
  const http = useHttpClient();
  const api = useMemo(() => ownSurveyApi(http), [http]);
  const queryClient = useQueryClient();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['own', survey.unitCode] });
  const onError = (error: unknown) => props.onNotice(props.problem(error));
  const save = useMutation({
    mutationFn: (input: OwnSurveyInput) => api.update(survey.unitCode, survey.id, input),
    onSuccess: () => {
      props.onNotice(t('own.saved'));
      refresh();
    },
    onError,
  });
  const changeState = useMutation({
    mutationFn: (next: 'OPEN' | 'CLOSED') => api.changeState(survey.unitCode, survey.id, next),
    onSuccess: refresh,
    onError,
  });
  const publicity = useMutation({
    mutationFn: (resultsPublic: boolean) => api.setResultsPublic(survey.unitCode, survey.id, resultsPublic),
    onSuccess: refresh,
    onError,
  });
  const results = useQuery({
    queryKey: ['own', survey.unitCode, survey.id, 'results'],
    queryFn: () => api.results(survey.unitCode, survey.id),
    enabled: survey.state !== 'DRAFT',
  });
  const download = (format: 'csv' | 'xlsx') =>
    void downloadTable(`${ownSurveyPath(survey.unitCode, survey.id)}/results.${format}`, `own-survey-${survey.id}`, format).catch(
      onError,
    );

  return (
    <section className="card">
      <h2>{textIn(survey.title, language)}</h2>
      <p>
        {t('own.state')}: <strong>{t(`own.states.${survey.state}`)}</strong> · {t('own.responses', { count: survey.responses })}
      </p>
      {survey.state === 'DRAFT' && (
        <>
          <OwnSurveyEditor survey={survey} saving={save.isPending} onSave={(input) => save.mutate(input)} />
          <p>
            <button type="button" className="button" onClick={() => changeState.mutate('OPEN')}>
              {t('own.publish')}
            </button>
          </p>
        </>
      )}
      {survey.state === 'OPEN' && (
        <>
          <p>
            {t('own.link')}: <a href={survey.publicUrl}>{survey.publicUrl}</a>
          </p>
          <img className="qr" src={ownQrUrl(apiBase(), tokenOf(survey.publicUrl))} alt={t('own.qrAlt')} />
          <p>
            <button type="button" className="button secondary" onClick={() => changeState.mutate('CLOSED')}>
              {t('own.close')}
            </button>
          </p>
        </>
      )}
      {survey.state !== 'DRAFT' && (
        <>
          <h3>{t('own.results')}</h3>
          <p>
            <button type="button" className="button secondary" onClick={() => download('csv')}>
              {t('own.downloadCsv')}
            </button>{' '}
            <button type="button" className="button secondary" onClick={() => download('xlsx')}>
              {t('own.downloadXlsx')}
            </button>
          </p>
          <label className="own-inline">
            <input type="checkbox" checked={survey.resultsPublic} onChange={(e) => publicity.mutate(e.target.checked)} />{' '}
            {t('own.resultsPublic')}
          </label>
          {survey.resultsPublic && (
            <>
              <CopyableLink label={t('own.resultsPageUrl')} url={survey.resultsPageUrl} />
              <p>
                {t('own.resultsUrl')}: <a href={survey.resultsUrl}>{survey.resultsUrl}</a>
              </p>
            </>
          )}
          {results.isError && <p className="alert">{props.problem(results.error)}</p>}
          {results.data && <OwnResultsView results={results.data} />}
        </>
      )}
    </section>
  );
}
