import { useQueries, type UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useHttpClient } from '../api/ApiContext';
import { ProblemError, UnexpectedResponseError } from '../api/http';
import { SERVICE_NAMES, fetchServiceInfo, serviceInfoKey, type ServiceInfo, type ServiceName } from '../api/serviceInfo';
import { languageOf } from '../i18n';

/** Asks each back-end service for its `/info` and shows whether it answers. */
export function ServiceStatusPanel() {
  const { t } = useTranslation();
  const http = useHttpClient();
  const results = useQueries({
    queries: SERVICE_NAMES.map((name) => ({
      queryKey: serviceInfoKey(name),
      queryFn: ({ signal }: { signal: AbortSignal }) => fetchServiceInfo(http, name, signal),
    })),
  });
  const checking = results.some((result) => result.isFetching);

  return (
    <section className="card" aria-labelledby="service-status-heading">
      <h2 id="service-status-heading">{t('services.heading')}</h2>
      <ul className="service-list" aria-busy={checking}>
        {SERVICE_NAMES.map((name, index) => (
          <ServiceStatusItem key={name} name={name} result={results[index]!} />
        ))}
      </ul>
      <button
        type="button"
        className="button secondary"
        disabled={checking}
        onClick={() => results.forEach((result) => void result.refetch())}
      >
        {t('services.checkAgain')}
      </button>
    </section>
  );
}

type Status = 'checking' | 'ready' | 'unavailable';

function ServiceStatusItem({ name, result }: { name: ServiceName; result: UseQueryResult<ServiceInfo> }) {
  const { t, i18n } = useTranslation();
  const language = languageOf(i18n);
  const status: Status = result.isPending ? 'checking' : result.isSuccess ? 'ready' : 'unavailable';
  const info = result.data;
  const title = info?.title[language] || t(`services.names.${name}`);

  return (
    <li className="service" data-service={name} data-status={status}>
      <span className="service-name">{title}</span>
      <span className={`status status-${status}`}>
        <span aria-hidden="true" className="status-icon">
          {status === 'ready' ? '✓' : status === 'unavailable' ? '✕' : '…'}
        </span>{' '}
        {t(`services.status.${status}`)}
      </span>
      {info && status === 'ready' && (
        <span className="service-meta muted">
          {info.service} · {t('services.version', { version: info.version })}
        </span>
      )}
      {status === 'unavailable' && result.error && (
        <span className="service-meta error-text">{errorText(result.error, language, t)}</span>
      )}
    </li>
  );
}

function errorText(
  error: Error,
  language: 'th' | 'en',
  t: (key: 'errors.network' | 'errors.unexpectedResponse') => string,
): string {
  if (error instanceof ProblemError) return `${error.status} · ${error.detailFor(language)}`;
  if (error instanceof UnexpectedResponseError) return t('errors.unexpectedResponse');
  return t('errors.network');
}
