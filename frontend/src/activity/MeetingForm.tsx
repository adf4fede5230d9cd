import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemError } from '../api/http';
import { languageOf } from '../i18n';
import type { MeetingInput } from './api';

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0);

export interface MeetingFormProps {
  onSubmit: (input: MeetingInput) => Promise<unknown>;
}

/**
 * Minutes of one board meeting. Agenda, decisions and actions are one per line; an agenda line may
 * end with "| 3, 10" (indicators), an action line is "what | who | due date (YYYY-MM-DD)".
 */
export function MeetingForm({ onSubmit }: MeetingFormProps) {
  const { t, i18n } = useTranslation('activity');
  const [heldOn, setHeldOn] = useState('');
  const [title, setTitle] = useState('');
  const [attendees, setAttendees] = useState('');
  const [agenda, setAgenda] = useState('');
  const [decisions, setDecisions] = useState('');
  const [actions, setActions] = useState('');
  const [problem, setProblem] = useState<ProblemError | null>(null);
  const [saved, setSaved] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    setSaved(false);
    const input: MeetingInput = {
      heldOn,
      title,
      attendeesCount: attendees === '' ? 0 : Number(attendees),
      agenda: lines(agenda).map((line) => {
        const [itemTitle = '', codes = ''] = line.split('|').map((p) => p.trim());
        return { title: itemTitle, indicatorCodes: codes.split(/[,\s]+/).filter((c) => c.length > 0), activityIds: [] };
      }),
      decisions: lines(decisions),
      actions: lines(actions).map((line) => {
        const [description = '', owner = '', dueOn = ''] = line.split('|').map((p) => p.trim());
        return { description, owner, dueOn };
      }),
    };
    try {
      await onSubmit(input);
      setSaved(true);
      setTitle('');
      setAgenda('');
      setDecisions('');
      setActions('');
    } catch (error) {
      if (error instanceof ProblemError) setProblem(error);
      else throw error;
    }
  };

  return (
    <form className="activity-form card" onSubmit={(e) => void submit(e)} aria-labelledby="meeting-form-heading">
      <h2 id="meeting-form-heading">{t('meetingForm.heading')}</h2>
      <label>
        {t('meetingForm.heldOn')}
        <input type="date" required value={heldOn} onChange={(e) => setHeldOn(e.target.value)} />
      </label>
      <label>
        {t('meetingForm.title')}
        <input required value={title} onChange={(e) => setTitle(e.target.value)} />
      </label>
      <label>
        {t('meetingForm.attendees')}
        <input type="number" min={0} required value={attendees} onChange={(e) => setAttendees(e.target.value)} />
      </label>
      <label>
        {t('meetingForm.agenda')}
        <textarea value={agenda} onChange={(e) => setAgenda(e.target.value)} />
      </label>
      <label>
        {t('meetingForm.decisions')}
        <textarea value={decisions} onChange={(e) => setDecisions(e.target.value)} />
      </label>
      <label>
        {t('meetingForm.actions')}
        <textarea value={actions} onChange={(e) => setActions(e.target.value)} />
      </label>
      <button type="submit" className="button primary">
        {t('form.save')}
      </button>
      {problem && (
        <div role="alert" className="error-text alert">
          <p>{problem.detailFor(languageOf(i18n))}</p>
          {problem.errors.length > 0 && (
            <ul>
              {problem.errors.map((e) => (
                <li key={e.field}>
                  {e.field}: {e.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {saved && <p role="status">{t('form.saved')}</p>}
    </form>
  );
}
