import { useCallback, useEffect, useRef, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useHttpClient } from '../api/ApiContext';
import { ProblemError } from '../api/http';
import { languageOf } from '../i18n/language';
import { Actions, Button, Notice, TextAreaField } from '../ui/controls';
import { evidenceApi, type QueueEntry } from './api';
import { EvidencePreview } from './EvidencePreview';
import { StatusBadge } from './StatusBadge';
import { VersionHistory } from './VersionHistory';
import './evidence.css';

/** True when a key press is meant for a text box, not a shortcut. */
function typing(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  return !!element && (element.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(element.tagName));
}

/**
 * Requirement and the document itself side by side, the verdict underneath. "ผ่าน" waits until
 * every version in force has been in view (previewed, or opened in a new tab), so nothing passes
 * unseen. Shortcuts (by key position, so a Thai keyboard layout works too): P pass, F fail, N next.
 */
export function ReviewPanel({ entry, onDone, onNext }: { entry: QueueEntry; onDone: () => void; onNext?: () => void }) {
  const { t, i18n } = useTranslation('evidence');
  const http = useHttpClient();
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [seen, setSeen] = useState<ReadonlySet<string>>(new Set());
  const commentBox = useRef<HTMLTextAreaElement>(null);
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
    onError: (e) => setError(e instanceof ProblemError ? e.detailFor(languageOf(i18n)) : String(e)),
  });
  const active = (item.data?.versions ?? []).filter((v) => !v.withdrawnAt);
  const allSeen = item.data !== undefined && active.every((v) => seen.has(v.id));
  const canPass = allSeen && !verdict.isPending;
  const canFail = comment.trim().length > 0 && !verdict.isPending;
  const markSeen = useCallback((id: string) => setSeen((before) => (before.has(id) ? before : new Set([...before, id]))), []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
      if (event.code === 'KeyP' && canPass) {
        event.preventDefault();
        verdict.mutate('PASSED');
      } else if (event.code === 'KeyF') {
        event.preventDefault();
        if (canFail) verdict.mutate('FAILED');
        else {
          setError(t('review.needComment'));
          commentBox.current?.focus();
        }
      } else if (event.code === 'KeyN' && onNext) {
        event.preventDefault();
        onNext();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [canPass, canFail, verdict, onNext, t]);

  return (
    <article aria-label={`${entry.unitCode} ${entry.itemCode}`} className="review-panel">
      <h2>
        {entry.unitNameTh} · {entry.itemCode} {en && entry.titleEn ? entry.titleEn : entry.titleTh}
      </h2>
      <div className="review-grid">
        <section className="review-requirement">
          <h3>{t('item.requirement')}</h3>
          <p>{en && entry.requirementEn ? entry.requirementEn : entry.requirementTh}</p>
        </section>
        <section className="review-evidence">
          <h3>{t('review.evidence')}</h3>
          {!item.data && <p>{t('checklist.loading')}</p>}
          {item.data && active.length === 0 && <p>{t('preview.none')}</p>}
          {active.map((v) => (
            <EvidencePreview key={v.id} unitCode={entry.unitCode} roundId={entry.roundId} itemCode={entry.itemCode} version={v} onSeen={markSeen} />
          ))}
          {item.data && <VersionHistory versions={active} />}
        </section>
      </div>
      <TextAreaField
        ref={commentBox}
        label={t('review.comment')}
        value={comment}
        onChange={(e) => {
          setComment(e.target.value);
          setError(null);
        }}
        rows={3}
      />
      {error && <Notice tone="error">{error}</Notice>}
      {item.data && !allSeen && <p className="muted">{t('review.openFirst')}</p>}
      <Actions>
        <Button variant="primary" onClick={() => verdict.mutate('PASSED')} disabled={!canPass} aria-keyshortcuts="P">
          {t('review.pass')}
        </Button>
        <Button variant="danger" onClick={() => verdict.mutate('FAILED')} disabled={!canFail} aria-keyshortcuts="F">
          {t('review.fail')}
        </Button>
        {onNext && (
          <Button onClick={onNext} aria-keyshortcuts="N">
            {t('review.next')}
          </Button>
        )}
      </Actions>
      <p className="muted review-shortcuts">{t('review.shortcuts')}</p>
    </article>
  );
}

const keyOf = (e: QueueEntry) => `${e.roundId}/${e.unitCode}/${e.itemCode}`;

export function ReviewQueuePage() {
  const { t } = useTranslation('evidence');
  const http = useHttpClient();
  const queries = useQueryClient();
  const queue = useQuery({ queryKey: ['evidence', 'queue'], queryFn: () => evidenceApi.queue(http) });
  const [selected, setSelected] = useState<string | null>(null);
  const entries = queue.data ?? [];
  const index = Math.max(0, entries.findIndex((e) => keyOf(e) === selected));
  const current = entries[index] ?? null;
  const next = entries.length > 1 ? () => setSelected(keyOf(entries[(index + 1) % entries.length]!)) : undefined;
  return (
    <section className="review-page">
      <h1>{t('review.queue')}</h1>
      {queue.data && entries.length === 0 && <p>{t('review.empty')}</p>}
      {entries.length > 0 && <p className="muted">{t('review.count', { count: entries.length })}</p>}
      <div className="review-layout">
        <ul className="review-list">
          {entries.map((e) => (
            <li key={keyOf(e)}>
              <button type="button" className="review-entry" onClick={() => setSelected(keyOf(e))} aria-pressed={current === e}>
                {e.unitCode} {e.itemCode}
              </button>{' '}
              <StatusBadge status={e.status} />{' '}
              {/* The same item of the same office can wait in two rounds (e.g. two fiscal years). */}
              <span className="muted">{t('review.round', { name: e.roundName ?? e.roundId, year: e.fiscalYear })}</span>
            </li>
          ))}
        </ul>
        {current && (
          <ReviewPanel
            key={keyOf(current)}
            entry={current}
            onNext={next}
            onDone={() => {
              // The reviewed item leaves the queue; the one after it takes its place.
              const after = entries[index + 1];
              setSelected(after ? keyOf(after) : null);
              void queries.invalidateQueries({ queryKey: ['evidence'] });
            }}
          />
        )}
      </div>
    </section>
  );
}
