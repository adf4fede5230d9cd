import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useHttpClient } from '../api/ApiContext';
import { useAuth } from '../auth/AuthContext';
import { evidenceApi, type Checklist } from './api';
import { StatusBadge } from './StatusBadge';
import { DataTable } from '../ui/controls';
import { languageOf } from '../i18n/language';
import { formatThaiDate } from '../lib/thaiDate';

function RoundPicker({ unitCode }: { unitCode: string }) {
  const { t } = useTranslation('evidence');
  const http = useHttpClient();
  const rounds = useQuery({ queryKey: ['evidence', 'rounds', unitCode], queryFn: () => evidenceApi.rounds(http, unitCode) });
  return (
    <section>
      <h1>{t('checklist.rounds')}</h1>
      {rounds.data?.length === 0 && <p>{t('checklist.noRounds', { unit: unitCode })}</p>}
      <ul>
        {rounds.data?.map((r) => (
          <li key={r.id}>
            <Link to={`/evidence/${encodeURIComponent(unitCode)}/rounds/${encodeURIComponent(r.id)}`}>
              {r.name ?? r.id} ({r.fiscalYear})
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Progress by sub-indicator as a row of bars: what is done and what is missing at a glance. */
export function SubIndicatorProgress({ checklist }: { checklist: Checklist }) {
  const { t, i18n } = useTranslation('evidence');
  return (
    <ul aria-label={t('checklist.progressBySub')} style={{ listStyle: 'none', padding: 0 }}>
      {checklist.subIndicators.map((sub) => (
        <li key={sub.code}>
          <label>
            {sub.code} {i18n.language === 'en' && sub.nameEn ? sub.nameEn : sub.nameTh}{' '}
            <progress max={sub.progress.total} value={sub.progress.passed} /> {t('checklist.subProgress', sub.progress)}
          </label>
        </li>
      ))}
    </ul>
  );
}

/** Links the scheduled check found broken: the unit fixes them before an auditor finds them. */
function BrokenLinks({ unitCode, roundId }: { unitCode: string; roundId: string }) {
  const { t } = useTranslation('evidence');
  const http = useHttpClient();
  const broken = useQuery({
    queryKey: ['evidence', 'broken-links', unitCode, roundId],
    queryFn: () => evidenceApi.brokenLinks(http, unitCode, roundId),
  });
  if (!broken.data || broken.data.length === 0) return null;
  return (
    <section role="alert">
      <h2>{t('checklist.brokenLinks')}</h2>
      <ul>
        {broken.data.map((b) => (
          <li key={b.evidenceId}>{t('checklist.brokenLink', { item: b.itemCode, url: b.url, error: b.error ?? b.statusCode })}</li>
        ))}
      </ul>
    </section>
  );
}

export function ChecklistPage() {
  const { t, i18n } = useTranslation('evidence');
  const { session } = useAuth();
  const params = useParams();
  const http = useHttpClient();
  const unitCode = params.unitCode ?? session?.unitCode ?? null;
  const roundId = params.roundId;
  const checklist = useQuery({
    queryKey: ['evidence', 'checklist', unitCode, roundId],
    queryFn: () => evidenceApi.checklist(http, unitCode!, roundId!),
    enabled: Boolean(unitCode && roundId),
  });
  if (!unitCode) return <p>{t('checklist.noUnit')}</p>;
  if (!roundId) return <RoundPicker unitCode={unitCode} />;
  if (!checklist.data) return <p>{checklist.error ? String(checklist.error.message) : t('checklist.loading')}</p>;
  const c = checklist.data;
  const en = i18n.language === 'en';
  const date = (iso?: string | null) => (iso ? formatThaiDate(new Date(iso), { language: languageOf(i18n), style: 'short' }) : '—');
  return (
    <section>
      <h1>{t('checklist.heading', { year: c.fiscalYear })}</h1>
      <p>{en && c.unitNameEn ? c.unitNameEn : c.unitNameTh}</p>
      <p>
        {t('checklist.progress', {
          passed: c.progress.passed,
          total: c.progress.total,
          handedIn: c.progress.submitted + c.progress.passed + c.progress.failed,
        })}
      </p>
      <SubIndicatorProgress checklist={c} />
      <BrokenLinks unitCode={c.unitCode} roundId={c.roundId} />
      {c.subIndicators.map((sub) => (
        <DataTable key={sub.code} label={`${sub.code} ${en && sub.nameEn ? sub.nameEn : (sub.nameTh ?? '')}`} caption={`${sub.code} ${en && sub.nameEn ? sub.nameEn : (sub.nameTh ?? '')}`}>
          <thead>
            <tr>
              <th scope="col">{t('checklist.item')}</th>
              <th scope="col">{t('checklist.titleCol')}</th>
              <th scope="col">{t('checklist.statusCol')}</th>
              <th scope="col">{t('checklist.deadlineCol')}</th>
              <th scope="col">{t('checklist.touchedCol')}</th>
              <th scope="col">{t('checklist.evidenceCol')}</th>
            </tr>
          </thead>
          <tbody>
            {sub.items.map((item) => (
              <tr key={item.code}>
                <td>
                  <Link to={`/evidence/${encodeURIComponent(c.unitCode)}/rounds/${encodeURIComponent(c.roundId)}/items/${encodeURIComponent(item.code)}`}>
                    {item.code}
                  </Link>
                </td>
                <td>{en && item.titleEn ? item.titleEn : item.titleTh}</td>
                <td>
                  <StatusBadge status={item.status} />
                </td>
                <td>{date(item.deadline)}</td>
                <td>{item.updatedBy ? `${item.updatedBy} · ${date(item.updatedAt)}` : '—'}</td>
                <td>{item.evidenceCount}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      ))}
    </section>
  );
}
