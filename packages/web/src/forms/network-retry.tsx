import { useI18n } from '../i18n/i18n';
import { RetryAlert } from '../ui/status';

/** Shown when a save got no answer: the form is still filled in, and the retry reuses the same idempotency key. */
export function NetworkRetry({ visible, onRetry }: { visible: boolean; onRetry: () => void }) {
  const { t } = useI18n();
  return visible ? <RetryAlert onRetry={onRetry}>{t.networkError}</RetryAlert> : null;
}
