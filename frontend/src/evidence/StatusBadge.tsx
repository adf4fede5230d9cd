import { useTranslation } from 'react-i18next';
import type { ItemStatus } from './api';

const colours: Record<ItemStatus, string> = {
  EMPTY: '#666',
  DRAFT: '#8a6d00',
  SUBMITTED: '#1f5fa8',
  RESUBMITTED: '#1f5fa8',
  PASSED: '#0a6b0a',
  FAILED: '#a40000',
};

export function StatusBadge({ status }: { status: ItemStatus }) {
  const { t } = useTranslation('evidence');
  return (
    <span data-status={status} style={{ color: colours[status], fontWeight: 600 }}>
      {t(`status.${status}`)}
    </span>
  );
}
