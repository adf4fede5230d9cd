import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useHttpClient } from '../../api/ApiContext';
import { adminApi } from './api';
import { InviteUserForm } from './InviteUserForm';
import { ProblemAlert } from './problems';

/** The accounts of one unit (from Keycloak through scoring-service), with invite, disable and re-enable. */
export function UnitUsers({ unitCode }: { unitCode: string }) {
  const { t } = useTranslation('scoring');
  const http = useHttpClient();
  const queryClient = useQueryClient();
  const key = ['scoring', 'units', unitCode, 'users'];
  const users = useQuery({ queryKey: key, queryFn: () => adminApi.users(http, unitCode) });
  const grantable = useQuery({
    queryKey: ['scoring', 'units', unitCode, 'grantable-roles'],
    queryFn: () => adminApi.grantableRoles(http, unitCode),
  });
  const [notice, setNotice] = useState<string | null>(null);
  const disable = useMutation({
    mutationFn: (userId: string) => adminApi.disableUser(http, unitCode, userId),
    onSuccess: (user) => {
      setNotice(t('admin.users.disabledNotice', { username: user.username }));
      void queryClient.invalidateQueries({ queryKey: key });
    },
  });
  const enable = useMutation({
    mutationFn: (userId: string) => adminApi.enableUser(http, unitCode, userId),
    onSuccess: (user) => {
      setNotice(t('admin.users.enabledNotice', { username: user.username }));
      void queryClient.invalidateQueries({ queryKey: key });
    },
  });
  const busy = disable.isPending || enable.isPending;

  return (
    <section aria-labelledby={`users-${unitCode}`}>
      <h2 id={`users-${unitCode}`}>{t('admin.users.title')}</h2>
      <p role="status">{notice}</p>
      {users.isPending && <p>{t('loading')}</p>}
      <ProblemAlert error={users.error ?? disable.error ?? enable.error} />
      {users.data && users.data.length === 0 && <p>{t('admin.users.none')}</p>}
      {users.data && users.data.length > 0 && (
        <table aria-label={t('admin.users.title')}>
          <thead>
            <tr>
              <th scope="col">{t('admin.users.username')}</th>
              <th scope="col">{t('admin.users.name')}</th>
              <th scope="col">{t('admin.users.email')}</th>
              <th scope="col">{t('admin.users.roles')}</th>
              <th scope="col">{t('admin.users.status')}</th>
              <th scope="col">{t('admin.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {users.data.map((user) => (
              <tr key={user.id}>
                <th scope="row">{user.username}</th>
                <td>{[user.firstName, user.lastName].filter(Boolean).join(' ')}</td>
                <td>{user.email}</td>
                <td>{user.roles.map((r) => t(`admin.roles.${r}` as 'admin.roles.auditor', { defaultValue: r })).join(', ')}</td>
                <td>
                  {user.enabled ? t('admin.users.enabled') : t('admin.users.disabled')}
                  {user.enabled && user.pendingActions.includes('UPDATE_PASSWORD') && ` · ${t('admin.users.mustChangePassword')}`}
                </td>
                <td>
                  {user.enabled ? (
                    <button
                      type="button"
                      className="button"
                      disabled={busy}
                      onClick={() => {
                        enable.reset();
                        disable.mutate(user.id);
                      }}
                    >
                      {t('admin.users.disable', { username: user.username })}
                    </button>
                  ) : (
                    <button
                      type="button"
                      className="button"
                      disabled={busy}
                      onClick={() => {
                        disable.reset();
                        enable.mutate(user.id);
                      }}
                    >
                      {t('admin.users.enable', { username: user.username })}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {grantable.data && grantable.data.roles.length > 0 && (
        <InviteUserForm
          unitCode={unitCode}
          roles={grantable.data.roles}
          onInvite={async (input) => {
            const invited = await adminApi.invite(http, unitCode, input);
            await queryClient.invalidateQueries({ queryKey: key });
            return invited;
          }}
        />
      )}
    </section>
  );
}
