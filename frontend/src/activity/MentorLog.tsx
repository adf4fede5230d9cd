import { useTranslation } from 'react-i18next';
import type { Mentor } from './api';
import { languageOf } from '../i18n/language';
import { formatIsoDate } from '../lib/thaiDate';

/** ระบบพี่เลี้ยง: who mentors the unit (or one of its indicators) and what each visit led to. */
export function MentorLog({ mentors }: { mentors: Mentor[] }) {
  const { t, i18n } = useTranslation('activity');
  return (
    <section className="card" aria-labelledby="mentors-heading">
      <h2 id="mentors-heading">{t('mentors.heading')}</h2>
      {mentors.length === 0 && <p className="muted">{t('mentors.none')}</p>}
      {mentors.map((m) => (
        <article key={m.id} aria-labelledby={`mentor-${m.id}`}>
          <h3 id={`mentor-${m.id}`}>
            {m.mentorName} ({t(`mentors.kind.${m.mentorKind}`)}
            {m.indicatorCode ? `, ${t('mentors.indicator', { code: m.indicatorCode })}` : ''})
          </h3>
          <ul>
            {m.logs.map((log) => (
              <li key={log.id} className={log.followUpOverdue ? 'overdue' : undefined}>
                {formatIsoDate(log.heldOn, { language: languageOf(i18n), style: 'short' })} · {t(`mentors.logKind.${log.kind}`)}: {log.summary}
                {log.followUp && (
                  <>
                    {' '}
                    · {t('mentors.followUp')}: {log.followUp} ({formatIsoDate(log.followUpDue, { language: languageOf(i18n), style: 'short' })})
                    {log.followUpDoneOn ? (
                      <span className="badge ok">{t('meetings.done')}</span>
                    ) : log.followUpOverdue ? (
                      <span className="badge warn">{t('meetings.overdue')}</span>
                    ) : null}
                  </>
                )}
              </li>
            ))}
          </ul>
        </article>
      ))}
    </section>
  );
}
