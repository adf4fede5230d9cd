import { useTranslation } from 'react-i18next';
import type { ItaRole } from './claims';

/** The user's roles with their labels in the current language. */
export function RoleList({ roles, labelledBy }: { roles: readonly ItaRole[]; labelledBy?: string }) {
  const { t } = useTranslation();
  if (roles.length === 0) return <p className="muted">{t('home.noRoles')}</p>;
  return (
    <ul className="role-list" aria-labelledby={labelledBy}>
      {roles.map((role) => (
        <li key={role} data-role={role}>
          {t(`roles.${role}`)}
        </li>
      ))}
    </ul>
  );
}
