import { useMemo, useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useHttpClient } from '../api/ApiContext';
import { ProblemError } from '../api/http';
import { useAuth } from '../auth/AuthContext';
import type { Language } from '../i18n';
import { readEnv, oidcAuthority } from '../lib/env';
import { accessTokenFromSession, evidenceApi, xhrUploader, type Uploader } from './api';
import { StatusBadge } from './StatusBadge';
import { UploadDropZone } from './UploadDropZone';
import { Actions, Button, Notice, TextField } from '../ui/controls';
import { VersionHistory } from './VersionHistory';

function defaultUploader(): Uploader {
  const env = readEnv();
  return xhrUploader(env.apiBase, () => accessTokenFromSession(oidcAuthority(env), env.clientId));
}

export function ItemPage({ uploader }: { uploader?: Uploader }) {
  const { t, i18n } = useTranslation('evidence');
  const { unitCode = '', roundId = '', itemCode = '' } = useParams();
  const http = useHttpClient();
  const { session } = useAuth();
  const queries = useQueryClient();
  const upload = useMemo(() => uploader ?? defaultUploader(), [uploader]);
  const key = ['evidence', 'item', unitCode, roundId, itemCode];
  const item = useQuery({ queryKey: key, queryFn: () => evidenceApi.item(http, unitCode, roundId, itemCode) });
  const [url, setUrl] = useState('');
  const [label, setLabel] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [submitted, setSubmitted] = useState(false);
  const refresh = () => queries.invalidateQueries({ queryKey: ['evidence'] });
  const onError = (e: unknown) =>
    setError(e instanceof ProblemError ? e.detailFor(i18n.language as Language) : String(e));
  const addLink = useMutation({
    mutationFn: () => evidenceApi.addLink(http, unitCode, roundId, itemCode, url, label || undefined),
    onSuccess: () => {
      setUrl('');
      setLabel('');
      void refresh();
    },
    onError,
  });
  const submit = useMutation({
    mutationFn: () => evidenceApi.submit(http, unitCode, roundId, itemCode),
    onSuccess: () => {
      setConfirming(false);
      setSubmitted(true);
      void refresh();
    },
    onError: (e) => {
      setConfirming(false);
      onError(e);
    },
  });
  const withdraw = useMutation({
    mutationFn: (id: string) => evidenceApi.withdraw(http, unitCode, roundId, itemCode, id),
    onSuccess: refresh,
    onError,
  });

  if (!item.data) return <p>{t('checklist.loading')}</p>;
  const d = item.data;
  const en = i18n.language === 'en';
  const canEdit =
    (session?.roles.includes('evidence-editor') || session?.roles.includes('unit-admin')) &&
    session?.unitCode === unitCode &&
    ['EMPTY', 'DRAFT', 'FAILED'].includes(d.status);

  const checklistPath = `/evidence/${encodeURIComponent(unitCode)}/rounds/${encodeURIComponent(roundId)}`;
  const live = d.versions.filter((v) => !v.withdrawnAt);
  const attached = live.flatMap((v) => (v.sha256 ? [{ sha256: v.sha256, name: v.originalName ?? t('item.version', { version: v.version }) }] : []));

  function onLink(event: FormEvent) {
    event.preventDefault();
    setError(null);
    addLink.mutate();
  }

  return (
    <section>
      <p>
        <Link to={checklistPath}>{t('item.backToChecklist')}</Link>
      </p>
      <h1>
        {d.itemCode} {en && d.titleEn ? d.titleEn : d.titleTh}
      </h1>
      <p>
        <StatusBadge status={d.status} />
      </p>
      <h2>{t('item.requirement')}</h2>
      <p>{en && d.requirementEn ? d.requirementEn : d.requirementTh}</p>
      {error && <Notice tone="error">{error}</Notice>}
      {submitted && (
        <Notice tone="success">
          {t('item.submitted', { item: d.itemCode })} <Link to={checklistPath}>{t('item.backToChecklist')}</Link>
        </Notice>
      )}
      {canEdit && (
        <>
          <UploadDropZone
            attached={attached}
            onUpload={async (file, onProgress) => {
              await upload(evidenceApi.uploadPath(unitCode, roundId, itemCode), file, onProgress);
              await refresh();
            }}
          />
          <form onSubmit={onLink} className="ui-inline-fields">
            <TextField label={t('item.linkUrl')} type="url" required value={url} onChange={(e) => setUrl(e.target.value)} />
            <TextField label={t('item.linkLabel')} value={label} onChange={(e) => setLabel(e.target.value)} />
            <Actions>
              <Button type="submit">{t('item.addLink')}</Button>
            </Actions>
          </form>
          {confirming ? (
            <div role="group" aria-labelledby="confirm-submit" className="ui-notice tone-info">
              <p id="confirm-submit">
                <strong>{t('item.confirmSubmit', { item: d.itemCode, n: live.length })}</strong>
              </p>
              <p>{t('item.confirmSubmitHint')}</p>
              <Actions>
                <Button variant="primary" disabled={submit.isPending} onClick={() => submit.mutate()}>
                  {t('item.confirmSubmitYes')}
                </Button>
                <Button onClick={() => setConfirming(false)}>{t('item.confirmSubmitNo')}</Button>
              </Actions>
            </div>
          ) : (
            <Actions>
              <Button
                variant="primary"
                disabled={live.length === 0}
                onClick={() => {
                  setError(null);
                  setSubmitted(false);
                  setConfirming(true);
                }}
              >
                {t('item.submit')}
              </Button>
            </Actions>
          )}
        </>
      )}
      <h2>{t('item.history')}</h2>
      <VersionHistory versions={d.versions} onWithdraw={canEdit ? (v) => withdraw.mutate(v.id) : undefined} />
      {d.reviews.length > 0 && (
        <>
          <h2>{t('item.reviews')}</h2>
          <ul>
            {d.reviews.map((r) => (
              <li key={r.id}>
                <StatusBadge status={r.verdict} /> {r.comment} · {r.reviewer}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
