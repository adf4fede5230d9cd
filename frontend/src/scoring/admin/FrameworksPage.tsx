import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useHttpClient } from '../../api/ApiContext';
import { ProblemError } from '../../api/http';
import { useAuth } from '../../auth/AuthContext';
import { adminApi, type FrameworkSummary } from './api';
import { ProblemAlert } from './problems';
import { unverifiedParts } from './RoundForm';
import './admin.css';

/** Stored framework versions, one document at a time, and (system-admin) importing a new one. */
export function FrameworksPage() {
  const { t, i18n } = useTranslation('scoring');
  const http = useHttpClient();
  const { session } = useAuth();
  const frameworks = useQuery({ queryKey: ['scoring', 'frameworks'], queryFn: () => adminApi.frameworks(http) });
  const [shown, setShown] = useState<FrameworkSummary | null>(null);
  const document = useQuery({
    queryKey: ['scoring', 'frameworks', shown?.id, shown?.version],
    queryFn: () => adminApi.framework(http, shown!.id, shown!.version),
    enabled: shown !== null,
  });
  const english = i18n.language === 'en';

  return (
    <section className="scoring-admin">
      <h1>{t('admin.frameworks.title')}</h1>
      {frameworks.isPending && <p>{t('loading')}</p>}
      <ProblemAlert error={frameworks.error} />
      {frameworks.data && frameworks.data.length === 0 && <p>{t('admin.frameworks.none')}</p>}
      {frameworks.data && frameworks.data.length > 0 && (
        <table aria-label={t('admin.frameworks.title')}>
          <thead>
            <tr>
              <th scope="col">{t('admin.frameworks.id')}</th>
              <th scope="col">{t('admin.frameworks.version')}</th>
              <th scope="col">{t('admin.frameworks.fiscalYear')}</th>
              <th scope="col">{t('admin.frameworks.name')}</th>
              <th scope="col">{t('admin.frameworks.scheme')}</th>
              <th scope="col">{t('admin.frameworks.inUse')}</th>
              <th scope="col">{t('admin.frameworks.checked')}</th>
              <th scope="col">{t('admin.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {frameworks.data.map((f) => (
              <tr key={`${f.id}@${f.version}`}>
                <th scope="row">{f.id}</th>
                <td>{f.version}</td>
                <td>{f.fiscalYear}</td>
                <td>{(english ? f.name?.en : undefined) ?? f.name?.th ?? ''}</td>
                <td>{f.ratingScheme}</td>
                <td>{f.inUse ? t('admin.frameworks.yes') : t('admin.frameworks.no')}</td>
                <td>
                  {unverifiedParts(f, t) ? (
                    <span className="warning">{t('admin.rounds.unverified', { parts: unverifiedParts(f, t) })}</span>
                  ) : (
                    t('admin.frameworks.allVerified')
                  )}
                  {f.recommended && <> · {t('admin.frameworks.recommended')}</>}
                </td>
                <td>
                  <button type="button" className="button" onClick={() => setShown(f)}>
                    {t('admin.frameworks.view', { id: f.id, version: f.version })}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {shown && (
        <section aria-labelledby="framework-document">
          <h2 id="framework-document">{t('admin.frameworks.document', { id: shown.id, version: shown.version })}</h2>
          <ProblemAlert error={document.error} />
          {document.data && <pre tabIndex={0}>{JSON.stringify(document.data, null, 2)}</pre>}
        </section>
      )}
      {session?.roles.includes('system-admin') && <FrameworkImportForm />}
    </section>
  );
}

/** A framework document checked by the service against its schema; every schema error is listed. */
export function FrameworkImportForm() {
  const { t } = useTranslation('scoring');
  const http = useHttpClient();
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const [notJson, setNotJson] = useState(false);
  const send = useMutation({
    mutationFn: (document: unknown) => adminApi.importFramework(http, document),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['scoring', 'frameworks'] }),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    let document: unknown;
    try {
      document = JSON.parse(text);
    } catch {
      setNotJson(true);
      return;
    }
    setNotJson(false);
    send.mutate(document);
  };
  const schemaErrors = send.error instanceof ProblemError ? send.error.errors : [];

  return (
    <form onSubmit={submit} aria-labelledby="framework-import">
      <h2 id="framework-import">{t('admin.frameworks.importTitle')}</h2>
      <fieldset disabled={send.isPending}>
        <label>
          {t('admin.frameworks.file')}
          <input
            type="file"
            accept=".json,application/json"
            onChange={(e) => void e.target.files?.[0]?.text().then(setText)}
          />
        </label>
        <label>
          {t('admin.frameworks.text')}
          <textarea rows={8} value={text} spellCheck={false} onChange={(e) => setText(e.target.value)} />
        </label>
        <button type="submit" className="button primary" disabled={!text}>
          {t('admin.frameworks.import')}
        </button>
      </fieldset>
      <div role="status">
        {send.data && <p>{t(`admin.frameworks.outcome.${send.data.outcome}`, { id: send.data.id, version: send.data.version })}</p>}
      </div>
      {notJson && (
        <p role="alert" className="alert">
          {t('admin.frameworks.notJson')}
        </p>
      )}
      <ProblemAlert error={send.error} />
      {schemaErrors.length > 0 && (
        <ul aria-label={t('admin.frameworks.importTitle')}>
          {schemaErrors.map((e, i) => (
            <li key={i}>
              <code>{e.field}</code>: {e.message}
            </li>
          ))}
        </ul>
      )}
    </form>
  );
}
