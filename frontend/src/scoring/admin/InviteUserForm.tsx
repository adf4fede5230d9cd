import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { InvitationInput, Invited } from './api';
import { FieldMessage, ProblemAlert, fieldErrors } from './problems';

export interface InviteUserFormProps {
  unitCode: string;
  /** The roles this caller may give (from the service). */
  roles: readonly string[];
  onInvite: (input: InvitationInput) => Promise<Invited>;
}

const EMPTY = { username: '', email: '', firstName: '', lastName: '' };

/**
 * Invites one user to a unit. The temporary password comes back once: it is shown here until the
 * form is used again, never stored, and the user must replace it at first login.
 */
export function InviteUserForm({ unitCode, roles, onInvite }: InviteUserFormProps) {
  const { t } = useTranslation('scoring');
  const [fields, setFields] = useState(EMPTY);
  const [role, setRole] = useState(roles.includes('evidence-editor') ? 'evidence-editor' : (roles[0] ?? ''));
  const [invited, setInvited] = useState<Invited | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const errorOf = fieldErrors(error);
  const set = (key: keyof typeof EMPTY, value: string) => setFields((c) => ({ ...c, [key]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setInvited(null);
    try {
      setInvited(await onInvite({ ...fields, role }));
      setFields(EMPTY);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const input = (key: keyof typeof EMPTY, label: string, type = 'text', autoComplete = 'off') => (
    <>
      <label>
        {label}
        <input
          required
          type={type}
          autoComplete={autoComplete}
          value={fields[key]}
          onChange={(e) => set(key, e.target.value)}
          aria-describedby={`invite-${key}-error`}
        />
      </label>
      <FieldMessage id={`invite-${key}-error`} message={errorOf(key)} />
    </>
  );

  return (
    <form onSubmit={(e) => void submit(e)} aria-labelledby="invite-heading">
      <h3 id="invite-heading">{t('admin.users.inviteHeading', { code: unitCode })}</h3>
      <fieldset disabled={busy}>
        {input('username', t('admin.users.username'))}
        {input('email', t('admin.users.email'), 'email')}
        {input('firstName', t('admin.users.firstName'))}
        {input('lastName', t('admin.users.lastName'))}
        <label>
          {t('admin.users.role')}
          <select value={role} onChange={(e) => setRole(e.target.value)}>
            {roles.map((r) => (
              <option key={r} value={r}>
                {t(`admin.roles.${r}` as 'admin.roles.auditor', { defaultValue: r })}
              </option>
            ))}
          </select>
        </label>
        <ProblemAlert error={error} />
        <button type="submit" className="button primary">
          {t('admin.users.send')}
        </button>
      </fieldset>
      <div role="status">
        {invited && (
          <div className="card">
            <p>{t('admin.users.invited', { username: invited.user.username })}</p>
            {invited.temporaryPassword ? (
              <>
                <p>
                  {t('admin.users.temporaryPassword')}: <code>{invited.temporaryPassword}</code>
                </p>
                <p className="muted">{t('admin.users.passwordOnce')}</p>
              </>
            ) : (
              <p>{t('admin.users.emailSent', { email: invited.user.email ?? '' })}</p>
            )}
          </div>
        )}
      </div>
    </form>
  );
}
