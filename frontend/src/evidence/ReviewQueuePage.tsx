import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useHttpClient } from '../api/ApiContext';
import { ProblemError } from '../api/http';
import type { Language } from '../i18n';
import { evidenceApi, type QueueEntry } from './api';
import { StatusBadge } from './StatusBadge';
import { VersionHistory } from './VersionHistory';

/** Requirement on the left, the unit's evidence on the right, the verdict underneath. */
export function ReviewPanel({ entry, onDone }: { entry: QueueEntry; onDone: () => void }) {
  const { t, i18n } = useTranslation('evidence');
  const http = useHttpClient();
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const en = i18n.language === 'en';
  const item = useQuery({
    queryKey: ['evidence', 'item', entry.unitCode, entry.roundId, entry.itemCode],
    queryFn: () => evidenceApi.item(http, entry.unitCode, entry.roundId, entry.itemCode),
  });
  const verdict = useMutation({
    mutationFn: (v: 'PASSED' | 'FAILED') =>
      evidenceApi.review(http, entry.unitCode, entry.roundId, entry.itemCode, v, comment.trim() || undefined),
    onSuccess: () => {
      setComment('');
      onDone();
    },
    onError: (e) => setError(e instanceof ProblemError ? e.detailFor(i18n.language as Language) : String(e)),
  });
  return (
    <article aria-label={`${entry.unitCode} ${entry.itemCode}`}>
      <h2>
        {entry.unitNameTh} · {entry.itemCode} {en && entry.titleEn ? entry.titleEn : entry.titleTh}
      </h2>
      <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: '1rem' }}>
        <section>
          <h3>{t('item.requirement')}</h3>
          <p>{en && entry.requirementEn ? entry.requirementEn : entry.requirementTh}</p>
        </section>
        <section>
          <h3>{t('review.evidence')}</h3>
          {item.data ? <VersionHistory versions={item.data.versions.filter((v) => !v.withdrawnAt)} /> : t('checklist.loading')}
        </section>
      </div>
      <label>
        {t('review.comment')}
        <textarea value={comment} onChange={(e) => setComment(e.target.value)} rows={3} style={{ width: '100%' }} />
      </label>
      {error && <p role="alert">{error}</p>}
      <button type="button" onClick={() => verdict.mutate('PASSED')} disabled={verdict.isPending}>
        {t('review.pass')}
      </button>{' '}
      <button type="button" onClick={() => verdict.mutate('FAILED')} disabled={verdict.isPending || !comment.trim()}>
        {t('review.fail')}
      </button>
    </article>
  );
}

export function ReviewQueuePage() {
  const { t } = useTranslation('evidence');
  const http = useHttpClient();
  const queries = useQueryClient();
  const queue = useQuery({ queryKey: ['evidence', 'queue'], queryFn: () => evidenceApi.queue(http) });
  const [selected, setSelected] = useState<QueueEntry | null>(null);
  const entries = queue.data ?? [];
  const current = selected ?? entries[0] ?? null;
  return (
    <section>
      <h1>{t('review.queue')}</h1>
      {queue.data && entries.length === 0 && <p>{t('review.empty')}</p>}
      <ul>
        {entries.map((e) => (
          <li key={`${e.roundId}/${e.unitCode}/${e.itemCode}`}>
            <button type="button" onClick={() => setSelected(e)} aria-pressed={current === e}>
              {e.unitCode} {e.itemCode}
            </button>{' '}
            <StatusBadge status={e.status} />{' '}
            {/* The same item of the same office can wait in two rounds (e.g. two fiscal years). */}
            <span>{t('review.round', { name: e.roundName ?? e.roundId, year: e.fiscalYear })}</span>
          </li>
        ))}
      </ul>
      {current && (
        <ReviewPanel
          key={`${current.roundId}/${current.unitCode}/${current.itemCode}`}
          entry={current}
          onDone={() => {
            setSelected(null);
            void queries.invalidateQueries({ queryKey: ['evidence'] });
          }}
        />
      )}
    </section>
  );
}
