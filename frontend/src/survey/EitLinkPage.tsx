import { useMemo } from 'react';
import { Navigate, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useHttpClient } from '../api/ApiContext';
import { ProblemError } from '../api/http';
import { languageOf } from '../i18n';
import { surveyApi } from './api';

/** A public EIT link (`/e/<token>`, also in the QR) leads to its unit's EIT. */
export function EitLinkPage() {
  const { token = '' } = useParams();
  const { t, i18n } = useTranslation('survey');
  const http = useHttpClient();
  const api = useMemo(() => surveyApi(http), [http]);
  const link = useQuery({ queryKey: ['survey', 'link-token', token], queryFn: () => api.resolveLink(token) });
  if (link.isPending) return <p className="loading">{t('respond.loading')}</p>;
  if (link.isError) {
    return (
      <p className="alert" role="alert">
        {link.error instanceof ProblemError ? link.error.detailFor(languageOf(i18n)) : t('respond.loadFailed')}
      </p>
    );
  }
  return <Navigate replace to={`/s/${encodeURIComponent(link.data.roundId)}/${encodeURIComponent(link.data.unitCode)}/eit`} />;
}
