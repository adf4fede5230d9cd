import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { activityApi } from '../activity/api';
import { useHttpClient } from '../api/ApiContext';
import type { ItaRole } from '../auth/claims';
import type { Session } from '../auth/claims';
import { evidenceApi, type Checklist } from '../evidence/api';
import { languageOf } from '../i18n/language';
import { formatThaiDate } from '../lib/thaiDate';
import { surveyApi } from '../survey/api';
import { Badge } from '../ui/controls';

// Who may read what, as the services check it: a check the person cannot make is not asked
// (a 403 would only be noise on her home page).
const EVIDENCE_READERS: ItaRole[] = ['system-admin', 'area-admin', 'unit-admin', 'evidence-editor', 'auditor'];
const SURVEY_READERS: ItaRole[] = ['system-admin', 'area-admin', 'unit-admin'];
const ACTIVITY_READERS: ItaRole[] = ['system-admin', 'area-admin', 'unit-admin', 'activity-editor', 'auditor'];

const DAY = 24 * 60 * 60 * 1000;

const has = (session: Session, roles: ItaRole[]) => session.roles.some((r) => roles.includes(r));

/**
 * A deadline as evidence-service sends it: an instant (`2027-04-30T16:59:59Z`, the end of a Bangkok
 * day); a bare date is read as the end of that day. Null when it cannot be read, never an invalid
 * date (formatting one throws and blanked the whole page).
 */
export function deadlineOf(text: string | null | undefined): Date | null {
  if (!text) return null;
  const date = /^\d{4}-\d{2}-\d{2}$/.test(text) ? new Date(`${text}T23:59:59`) : new Date(text);
  return Number.isNaN(date.getTime()) ? null : date;
}

const formatDeadline = (deadline: Date | null, language: 'th' | 'en') =>
  deadline ? formatThaiDate(deadline, { language }) : '–';

/** OIT items still to do: empty, failed (to fix), or due within a week and not yet sent. */
export function oitGaps(checklist: Checklist, today: Date) {
  const items = checklist.subIndicators.flatMap((s) => s.items);
  const dueSoon = items.filter((item) => {
    const deadline = deadlineOf(item.deadline);
    if (!deadline || !['EMPTY', 'DRAFT', 'FAILED'].includes(item.status)) return false;
    const due = deadline.getTime();
    return due >= today.getTime() && due - today.getTime() <= 7 * DAY;
  });
  return {
    empty: items.filter((i) => i.status === 'EMPTY').length,
    failed: items.filter((i) => i.status === 'FAILED').length,
    dueSoon: dueSoon.length,
  };
}

interface Gap {
  key: string;
  text: string;
  to: string;
  tone: 'danger' | 'warning';
}

/**
 * The home page's "what is missing now" for her own unit and the open round: each gap a link to
 * the screen that fixes it. Read from the services' existing endpoints, in parallel.
 */
export function WhatIsMissing({ session, today = new Date() }: { session: Session; today?: Date }) {
  const { t, i18n } = useTranslation();
  const http = useHttpClient();
  const unit = session.unitCode;
  const readsEvidence = !!unit && has(session, EVIDENCE_READERS);
  const readsSurvey = !!unit && has(session, SURVEY_READERS);
  const readsActivity = !!unit && has(session, ACTIVITY_READERS);

  const rounds = useQuery({
    queryKey: ['evidence', 'rounds', unit],
    queryFn: () => evidenceApi.rounds(http, unit!),
    enabled: readsEvidence,
  });
  const open = rounds.data
    ?.filter((r) => r.state === 'OPEN')
    .sort((a, b) => b.fiscalYear - a.fiscalYear)[0];
  const checklist = useQuery({
    queryKey: ['evidence', 'checklist', unit, open?.id],
    queryFn: () => evidenceApi.checklist(http, unit!, open!.id),
    enabled: readsEvidence && !!open,
  });
  const survey = useQuery({
    queryKey: ['survey', 'progress', open?.id, unit],
    queryFn: () => surveyApi(http).progress(open!.id, unit!),
    enabled: readsSurvey && !!open,
  });
  const overdue = useQuery({
    queryKey: ['activity', 'overdue', unit],
    queryFn: () => activityApi.overdue(http, unit!),
    enabled: readsActivity,
  });

  if (!unit || !(readsEvidence || readsSurvey || readsActivity)) return null;

  const language = languageOf(i18n);
  const gaps: Gap[] = [];
  const checklistPath = open ? `/evidence/${encodeURIComponent(unit)}/rounds/${encodeURIComponent(open.id)}` : '';
  if (checklist.data) {
    const oit = oitGaps(checklist.data, today);
    if (oit.failed) gaps.push({ key: 'oit-failed', text: t('home.todo.oitFailed', { n: oit.failed }), to: checklistPath, tone: 'danger' });
    if (oit.empty) gaps.push({ key: 'oit-empty', text: t('home.todo.oitEmpty', { n: oit.empty }), to: checklistPath, tone: 'warning' });
    if (oit.dueSoon) gaps.push({ key: 'oit-due', text: t('home.todo.oitDueSoon', { n: oit.dueSoon }), to: checklistPath, tone: 'danger' });
  }
  if (survey.data && open) {
    for (const i of survey.data.instruments) {
      if (i.received < i.required)
        gaps.push({
          key: `survey-${i.instrument}`,
          text: t('home.todo.sampleShort', { instrument: i.instrument, received: i.received, required: i.required, missing: i.required - i.received }),
          to: `/survey/manage?round=${encodeURIComponent(open.id)}&unit=${encodeURIComponent(unit)}`,
          tone: 'warning',
        });
    }
  }
  if (overdue.data) {
    if (overdue.data.actions.length)
      gaps.push({ key: 'actions', text: t('home.todo.actionsOverdue', { n: overdue.data.actions.length }), to: '/activity', tone: 'danger' });
    if (overdue.data.followUps.length)
      gaps.push({ key: 'follow-ups', text: t('home.todo.followUpsOverdue', { n: overdue.data.followUps.length }), to: '/activity', tone: 'danger' });
  }

  const failed = [
    readsEvidence && (rounds.isError || checklist.isError) ? t('home.todo.sourceOit') : null,
    readsSurvey && survey.isError ? t('home.todo.sourceSurvey') : null,
    readsActivity && overdue.isError ? t('home.todo.sourceActivity') : null,
  ].filter((s): s is string => !!s);
  const loading =
    (readsEvidence && (rounds.isPending || (!!open && checklist.isPending))) ||
    (readsSurvey && !!open && survey.isPending) ||
    (readsActivity && overdue.isPending);

  return (
    <section className="card" aria-labelledby="todo-heading">
      <h2 id="todo-heading">{t('home.todo.heading')}</h2>
      {readsEvidence && rounds.isSuccess && (
        <p data-testid="open-round">
          {open
            ? t('home.todo.openRound', {
                round: open.name ?? open.id,
                unit,
                deadline: formatDeadline(deadlineOf(checklist.data?.deadline), language),
              })
            : t('home.todo.noOpenRound', { unit })}
        </p>
      )}
      {gaps.length > 0 && (
        <ul className="todo-list">
          {gaps.map((g) => (
            <li key={g.key}>
              <Badge tone={g.tone}>{g.tone === 'danger' ? t('home.todo.urgent') : t('home.todo.pending')}</Badge>{' '}
              <Link to={g.to}>{g.text}</Link>
            </li>
          ))}
        </ul>
      )}
      {loading && (
        <p role="status" className="loading">
          {t('home.todo.checking')}
        </p>
      )}
      {!loading && gaps.length === 0 && failed.length === 0 && <p role="status">{t('home.todo.nothing')}</p>}
      {failed.length > 0 && (
        <p className="error-text" role="alert">
          {t('home.todo.couldNotCheck', { what: failed.join(language === 'th' ? ' และ ' : ' and ') })}
        </p>
      )}
    </section>
  );
}
