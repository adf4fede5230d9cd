import { useTranslation } from 'react-i18next';
import { Badge, type Tone } from '../ui/controls';
import type { ItemStatus } from './api';

const tones: Record<ItemStatus, Tone> = {
  EMPTY: 'neutral',
  DRAFT: 'warning',
  SUBMITTED: 'info',
  RESUBMITTED: 'info',
  PASSED: 'success',
  FAILED: 'danger',
};

export function StatusBadge({ status }: { status: ItemStatus }) {
  const { t } = useTranslation('evidence');
  return (
    <Badge tone={tones[status]} code={status}>
      {t(`status.${status}`)}
    </Badge>
  );
}
