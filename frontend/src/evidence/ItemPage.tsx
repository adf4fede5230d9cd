import { useMemo, useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useHttpClient } from '../api/ApiContext';
import { ProblemError } from '../api/http';
import { useAuth } from '../auth/AuthContext';
import type { Language } from '../i18n';
import { readEnv, oidcAuthority } from '../lib/env';
import { accessTokenFromSession, evidenceApi, xhrUploader, type Uploader } from './api';
import { StatusBadge } from './StatusBadge';
import { UploadDropZone } from './UploadDropZone';
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
  const submit = useMutation({ mutationFn: () => evidenceApi.submit(http, unitCode, roundId, itemCode), onSuccess: refresh, onError });
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

  function onLink(event: FormEvent) {
    event.preventDefault();
    setError(null);
    addLink.mutate();
  }

  return (
    <section>
      <h1>
        {d.itemCode} {en && d.titleEn ? d.titleEn : d.titleTh}
      </h1>
      <p>
        <StatusBadge status={d.status} />
      </p>
      <h2>{t('item.requirement')}</h2>
      <p>{en && d.requirementEn ? d.requirementEn : d.requirementTh}</p>
      {error && <p role="alert">{error}</p>}
      {canEdit && (
        <>
          <UploadDropZone
            onUpload={async (file, onProgress) => {
              await upload(evidenceApi.uploadPath(unitCode, roundId, itemCode), file, onProgress);
              await refresh();
            }}
          />
          <form onSubmit={onLink}>
            <label>
              {t('item.linkUrl')} <input type="url" required value={url} onChange={(e) => setUrl(e.target.value)} />
            </label>{' '}
            <label>
              {t('item.linkLabel')} <input value={label} onChange={(e) => setLabel(e.target.value)} />
            </label>{' '}
            <button type="submit">{t('item.addLink')}</button>
          </form>
          <button type="button" onClick={() => submit.mutate()} disabled={d.versions.every((v) => v.withdrawnAt)}>
            {t('item.submit')}
          </button>
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
