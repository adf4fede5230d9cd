import { useTranslation } from 'react-i18next';
import { languageOf } from '../i18n';
import { formatThaiDate } from '../lib/thaiDate';
import type { Meeting } from './api';

function localDate(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1);
}

export interface MeetingMinutesProps {
  meetings: Meeting[];
  /** Marks an action item done; omitted for readers who may not change the unit's work. */
  onActionDone?: (actionId: string) => void;
}

export function MeetingMinutes({ meetings, onActionDone }: MeetingMinutesProps) {
  const { t, i18n } = useTranslation('activity');
  const language = languageOf(i18n);
  return (
    <section className="card" aria-labelledby="meetings-heading">
      <h2 id="meetings-heading">{t('meetings.heading')}</h2>
      {meetings.length === 0 && <p className="muted">{t('meetings.none')}</p>}
      {meetings.map((m) => (
        <article key={m.id} className="meeting" aria-labelledby={`meeting-${m.id}`}>
          <h3 id={`meeting-${m.id}`}>
            {formatThaiDate(localDate(m.heldOn), { language })}: {m.title}
          </h3>
          <p className="muted">{t('meetings.attendees', { count: m.attendeesCount })}</p>
          {m.agenda.length > 0 && (
            <>
              <h4>{t('meetings.agenda')}</h4>
              <ol>
                {m.agenda.map((item, i) => (
                  <li key={i}>
                    {item.title}
                    {item.indicatorCodes.length > 0 && <span className="muted"> ({item.indicatorCodes.join(', ')})</span>}
                  </li>
                ))}
              </ol>
            </>
          )}
          {m.decisions.length > 0 && (
            <>
              <h4>{t('meetings.decisions')}</h4>
              <ul>
                {m.decisions.map((d, i) => (
                  <li key={i}>{d}</li>
                ))}
              </ul>
            </>
          )}
          {m.actions.length > 0 && (
            <>
              <h4>{t('meetings.actions')}</h4>
              <ul className="actions">
                {m.actions.map((a) => (
                  <li key={a.id} data-testid={`action-${a.id}`} className={a.overdue ? 'overdue' : undefined}>
                    {a.description} · {t('meetings.owner')}: {a.owner} · {t('meetings.due')}{' '}
                    {formatThaiDate(localDate(a.dueOn), { language, style: 'short' })}{' '}
                    {a.doneOn ? (
                      <span className="badge ok">{t('meetings.done')}</span>
                    ) : a.overdue ? (
                      <span className="badge warn">{t('meetings.overdue')}</span>
                    ) : null}
                    {!a.doneOn && onActionDone && (
                      <button type="button" className="button secondary" onClick={() => onActionDone(a.id)}>
                        {t('meetings.markDone')}
                      </button>
                    )}
                  </li>
                ))}
              </ul>
            </>
          )}
        </article>
      ))}
    </section>
  );
}
