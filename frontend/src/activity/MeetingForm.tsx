import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemError } from '../api/http';
import { languageOf } from '../i18n';
import type { MeetingInput } from './api';
import { Button } from '../ui/controls';
import { ThaiDateField } from '../ui/ThaiDateField';

interface ActionRow {
  key: number;
  description: string;
  owner: string;
  dueOn: string;
}
let nextRow = 0;
const emptyRow = (): ActionRow => ({ key: nextRow++, description: '', owner: '', dueOn: '' });

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0);

export interface MeetingFormProps {
  onSubmit: (input: MeetingInput) => Promise<unknown>;
}

/**
 * Minutes of one board meeting. Agenda and decisions are one per line (an agenda line may end with
 * "| 3, 10", its indicators); each action item is a row of its own: what, who, and a due date
 * picked in the Buddhist era.
 */
export function MeetingForm({ onSubmit }: MeetingFormProps) {
  const { t, i18n } = useTranslation('activity');
  const [heldOn, setHeldOn] = useState('');
  const [title, setTitle] = useState('');
  const [attendees, setAttendees] = useState('');
  const [agenda, setAgenda] = useState('');
  const [decisions, setDecisions] = useState('');
  const [actions, setActions] = useState<ActionRow[]>(() => [emptyRow()]);
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
      // A row left wholly blank is no action item; a half-filled one goes to the service to be refused by field.
      actions: actions
        .filter((a) => a.description.trim() || a.owner.trim() || a.dueOn)
        .map((a) => ({ description: a.description.trim(), owner: a.owner.trim(), dueOn: a.dueOn })),
    };
    try {
      await onSubmit(input);
      setSaved(true);
      setTitle('');
      setAgenda('');
      setDecisions('');
      setActions([emptyRow()]);
    } catch (error) {
      if (error instanceof ProblemError) setProblem(error);
      else throw error;
    }
  };

  return (
    <form className="activity-form card" onSubmit={(e) => void submit(e)} aria-labelledby="meeting-form-heading">
      <h2 id="meeting-form-heading">{t('meetingForm.heading')}</h2>
      <ThaiDateField label={t('meetingForm.heldOn')} required value={heldOn} onChange={setHeldOn} />
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
      <fieldset className="action-rows">
        <legend>{t('meetingForm.actions')}</legend>
        {actions.map((row, index) => {
          const update = (patch: Partial<ActionRow>) => setActions((all) => all.map((a) => (a.key === row.key ? { ...a, ...patch } : a)));
          return (
            <div key={row.key} className="action-row" role="group" aria-label={t('meetingForm.actionRow', { n: index + 1 })}>
              <label>
                {t('meetingForm.actionWhat')}
                <input value={row.description} onChange={(e) => update({ description: e.target.value })} />
              </label>
              <label>
                {t('meetingForm.actionOwner')}
                <input value={row.owner} onChange={(e) => update({ owner: e.target.value })} />
              </label>
              <ThaiDateField label={t('meetingForm.actionDue')} value={row.dueOn} onChange={(dueOn) => update({ dueOn })} />
              {actions.length > 1 && (
                <Button onClick={() => setActions((all) => all.filter((a) => a.key !== row.key))}>
                  {t('meetingForm.removeAction', { n: index + 1 })}
                </Button>
              )}
            </div>
          );
        })}
        <Button onClick={() => setActions((all) => [...all, emptyRow()])}>{t('meetingForm.addAction')}</Button>
      </fieldset>
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
