import './activity.css';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useHttpClient } from '../api/ApiContext';
import { ProblemError } from '../api/http';
import { useAuth } from '../auth/AuthContext';
import { languageOf } from '../i18n';
import { fiscalYear, formatIsoDate } from '../lib/thaiDate';
import { activityApi, loopApi, type PlanSummary } from './api';
import { SelectField, type Choice } from '../ui/controls';
import type { TFunction } from 'i18next';
import { MeetingForm } from './MeetingForm';
import { MentorLog } from './MentorLog';
import { WeakIndicators } from './WeakIndicators';
import { KpiList } from './KpiList';
import { MeetingMinutes } from './MeetingMinutes';
import { PlanBoard } from './PlanBoard';

const SEED_TEMPLATE = 'METTA-SEED';
const WRITERS = ['activity-editor', 'unit-admin', 'system-admin'];

/** A fiscal year from the address, if it is one (Buddhist era, as the year field allows). */
function yearOf(text: string | null): number | undefined {
  const year = Number(text);
  return Number.isInteger(year) && year >= 2500 && year <= 2700 ? year : undefined;
}

/** Each year with a plan and how far it has got; this year, the next and the one shown even without one, to start it. */
function yearChoices(plans: PlanSummary[], alwaysListed: number[], t: TFunction<'activity'>): Choice[] {
  const byYear = new Map(plans.map((p) => [p.fiscalYear, p]));
  const years = [...new Set([...plans.map((p) => p.fiscalYear), ...alwaysListed])].sort((a, b) => b - a);
  return years.map((y) => {
    const p = byYear.get(y);
    return {
      value: String(y),
      label: p
        ? t('years.withPlan', { year: y, done: p.progress.done, activities: p.progress.activities })
        : t('years.withoutPlan', { year: y }),
    };
  });
}

/** The unit's METTA plan of a fiscal year: board, KPIs, meeting minutes and overdue work. */
export function PlanPage() {
  const { t, i18n } = useTranslation('activity');
  const { session } = useAuth();
  const http = useHttpClient();
  const queryClient = useQueryClient();
  // The year is in the address (?year=), so links back from an activity return to the same plan.
  const [params, setParams] = useSearchParams();
  const unitCode = session?.unitCode;
  const canWrite = !!session?.roles.some((r) => WRITERS.includes(r));
  const plans = useQuery({
    queryKey: ['activity', 'plans', unitCode],
    queryFn: () => activityApi.plans(http, unitCode!),
    enabled: !!unitCode,
  });
  const thisYear = fiscalYear(new Date());
  const planYears = plans.data?.map((p) => p.fiscalYear) ?? [];
  // Without a year in the address: this fiscal year if it has a plan, else the newest plan there is
  // (a unit opening METTA in a new year sees last year's work, not an empty page).
  const year =
    yearOf(params.get('year')) ??
    (plans.data && !planYears.includes(thisYear) && planYears.length > 0 ? Math.max(...planYears) : thisYear);
  const yearKnown = yearOf(params.get('year')) !== undefined || !plans.isPending;
  const setYear = (next: number) => setParams({ year: String(next) }, { replace: true });
  const copyFrom = planYears.filter((y) => y < year).sort((a, b) => b - a)[0];

  const plan = useQuery({
    queryKey: ['activity', 'plan', unitCode, year],
    queryFn: () => activityApi.plan(http, unitCode!, year),
    enabled: !!unitCode && yearKnown,
  });
  const meetings = useQuery({
    queryKey: ['activity', 'meetings', unitCode],
    queryFn: () => activityApi.meetings(http, unitCode!),
    enabled: !!unitCode,
  });
  const overdue = useQuery({
    queryKey: ['activity', 'overdue', unitCode],
    queryFn: () => activityApi.overdue(http, unitCode!),
    enabled: !!unitCode,
  });
  const loop = useQuery({
    queryKey: ['activity', 'loop', unitCode, year],
    queryFn: () => loopApi.indicators(http, unitCode!, year),
    enabled: !!unitCode && !!plan.data,
  });
  const mentors = useQuery({
    queryKey: ['activity', 'mentors', unitCode],
    queryFn: () => loopApi.mentors(http, unitCode!),
    enabled: !!unitCode,
  });
  const copy = useMutation({
    mutationFn: (from: 'template' | 'lastYear') =>
      from === 'template'
        ? activityApi.copyTemplate(http, unitCode!, year, SEED_TEMPLATE)
        : activityApi.copyYear(http, unitCode!, year, copyFrom!),
    onSuccess: (created) => {
      queryClient.setQueryData(['activity', 'plan', unitCode, year], created);
      void queryClient.invalidateQueries({ queryKey: ['activity', 'plans', unitCode] });
    },
  });
  const record = useMutation({
    mutationFn: ({ kpiId, value }: { kpiId: string; value: number }) => {
      const today = new Date();
      const iso = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
      return activityApi.recordActual(http, kpiId, iso, value);
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['activity', 'plan', unitCode, year] }),
  });
  const actionDone = useMutation({
    mutationFn: (id: string) => activityApi.actionDone(http, id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['activity'] }),
  });

  if (!unitCode) return <p>{t('noUnit')}</p>;
  const notFound = plan.error instanceof ProblemError && plan.error.status === 404;
  const language = languageOf(i18n);

  return (
    <>
      <h1>{t('title')}</h1>
      <SelectField
        label={t('fiscalYear')}
        hint={plans.data && plans.data.length === 0 ? t('years.none') : undefined}
        value={String(year)}
        onChange={(e) => setYear(Number(e.target.value))}
        choices={yearChoices(plans.data ?? [], [thisYear, thisYear + 1, year], t)}
      />
      {plan.isPending && <p role="status">{t('loading')}</p>}
      {notFound && (
        <section className="card">
          <p>{t('noPlan', { year })}</p>
          {canWrite && (
            <p>
              <button type="button" className="button primary" onClick={() => copy.mutate('template')}>
                {t('copyTemplate')}
              </button>{' '}
              {copyFrom !== undefined && (
                <button type="button" className="button secondary" onClick={() => copy.mutate('lastYear')}>
                  {t('copyLastYear', { year: copyFrom })}
                </button>
              )}
            </p>
          )}
          {copy.error instanceof ProblemError && (
            <p role="alert" className="error-text alert">
              {copy.error.detailFor(language)}
            </p>
          )}
        </section>
      )}
      {plan.error && !notFound && plan.error instanceof ProblemError && (
        <p role="alert" className="error-text alert">
          {plan.error.detailFor(language)}
        </p>
      )}
      {plan.data && (
        <>
          <section className="card" aria-labelledby="plan-title">
            <h2 id="plan-title">{plan.data.title}</h2>
            <p>
              {t('progress', {
                done: plan.data.progress.done,
                total: plan.data.progress.activities - plan.data.progress.cancelled,
                rate: plan.data.progress.completionRate,
              })}
            </p>
            {plan.data.goals.length > 0 && (
              <>
                <h3>{t('goals')}</h3>
                <ul>
                  {plan.data.goals.map((g) => (
                    <li key={g}>{g}</li>
                  ))}
                </ul>
              </>
            )}
          </section>
          {canWrite && (
            <p>
              <Link className="button primary" to={`/activity/plans/${year}/new`}>
                {t('addActivity')}
              </Link>
            </p>
          )}
          <PlanBoard activities={plan.data.activities} />
          <KpiList
            kpis={plan.data.kpis}
            onRecord={canWrite ? (kpiId, value) => record.mutate({ kpiId, value }) : undefined}
          />
          {loop.data && <WeakIndicators loop={loop.data} />}
        </>
      )}
      {overdue.data && (
        <section className="card" aria-labelledby="overdue-heading">
          <h2 id="overdue-heading">{t('overdue.heading')}</h2>
          {overdue.data.actions.length + overdue.data.followUps.length === 0 ? (
            <p className="muted">{t('overdue.none')}</p>
          ) : (
            <ul>
              {overdue.data.actions.map((a) => (
                <li key={a.id}>
                  {a.description} ({a.owner}, {formatIsoDate(a.dueOn, { language: languageOf(i18n), style: 'short' })})
                </li>
              ))}
              {overdue.data.followUps.map((f) => (
                <li key={f.id}>
                  {f.followUp} ({formatIsoDate(f.followUpDue, { language: languageOf(i18n), style: 'short' })})
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      {canWrite && (
        <MeetingForm
          onSubmit={async (input) => {
            await activityApi.recordMeeting(http, unitCode, input);
            await queryClient.invalidateQueries({ queryKey: ['activity'] });
          }}
        />
      )}
      {meetings.data && (
        <MeetingMinutes meetings={meetings.data} onActionDone={canWrite ? (id) => actionDone.mutate(id) : undefined} />
      )}
      {mentors.data && <MentorLog mentors={mentors.data} />}
    </>
  );
}
