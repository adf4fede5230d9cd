import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useHttpClient } from '../api/ApiContext';
import { useAuth } from '../auth/AuthContext';
import './activity.css';
import { ActivityForm } from './ActivityForm';
import { activityApi, type ActivityInput } from './api';

const EMPTY: ActivityInput = {
  name: '',
  mettaElements: [],
  pdcaPhase: 'PLAN',
  indicatorCodes: [],
  oitItemCodes: [],
  honestTraits: [],
  status: 'PLANNED',
  evidenceLinks: [],
};

/** Adds an activity to the unit's plan of the year in the address. */
export function NewActivityPage() {
  const { t } = useTranslation('activity');
  const { year = '' } = useParams();
  const { session } = useAuth();
  const http = useHttpClient();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  if (!session?.unitCode) return <p>{t('noUnit')}</p>;
  const unitCode = session.unitCode;
  return (
    <>
      <p>
        <Link to={`/activity?year=${encodeURIComponent(year)}`}>{t('form.back')}</Link>
      </p>
      <h1>{t('form.newHeading', { year })}</h1>
      <ActivityForm
        initial={EMPTY}
        onSubmit={async (input) => {
          await activityApi.addActivity(http, unitCode, Number(year), input);
          await queryClient.invalidateQueries({ queryKey: ['activity'] });
          await navigate(`/activity?year=${encodeURIComponent(year)}`);
        }}
      />
    </>
  );
}
