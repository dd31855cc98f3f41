import type { ApiFailure } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { NotFoundPage } from '../pages/not-found';
import { Progress, RetryAlert } from './status';

/** What a page shows when its data did not come: a sign-in in progress, "not found", or an error with a retry. */
export function FailureView({ failure, retry }: { failure: ApiFailure; retry: () => void }) {
  const { t, text } = useI18n();
  if (failure.kind === 'expired') return <Progress label={t.signIn.redirecting} />;
  if (failure.kind === 'http' && (failure.status === 404 || failure.status === 403)) return <NotFoundPage />;
  const message =
    failure.kind === 'network'
      ? t.networkError
      : failure.error
        ? text(failure.error.message)
        : t.unexpectedError;
  return <RetryAlert onRetry={retry}>{message}</RetryAlert>;
}
