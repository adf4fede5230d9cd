import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useHttpClient } from '../api/ApiContext';
import { useAuth } from '../auth/AuthContext';
import { ActivityForm } from './ActivityForm';
import { activityApi, toInput } from './api';

const WRITERS = ['activity-editor', 'unit-admin', 'system-admin'];

export function ActivityPage() {
  const { t } = useTranslation('activity');
  const { id = '' } = useParams();
  const http = useHttpClient();
  const { session } = useAuth();
  const queryClient = useQueryClient();
  const activity = useQuery({ queryKey: ['activity', 'activity', id], queryFn: () => activityApi.activity(http, id) });
  const canWrite =
    !!session?.roles.some((r) => WRITERS.includes(r)) &&
    (session.roles.includes('system-admin') || session.unitCode === activity.data?.unitCode);

  return (
    <>
      <p>
        <Link to={activity.data ? `/activity?year=${activity.data.fiscalYear}` : '/activity'}>{t('form.back')}</Link>
      </p>
      <h1>{t('form.editHeading')}</h1>
      {activity.isPending && <p role="status">{t('loading')}</p>}
      {activity.data && (
        <ActivityForm
          initial={toInput(activity.data)}
          readOnly={!canWrite}
          onSubmit={async (input) => {
            const saved = await activityApi.updateActivity(http, id, input);
            queryClient.setQueryData(['activity', 'activity', id], saved);
            await queryClient.invalidateQueries({ queryKey: ['activity', 'plan'] });
          }}
        />
      )}
    </>
  );
}
