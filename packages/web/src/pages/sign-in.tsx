import { useState } from 'react';
import { beginSignIn } from '../auth/oidc';
import type { RuntimeConfig } from '../config';
import { useI18n } from '../i18n/i18n';
import { usePageTitle } from '../ui/page-title';
import { Alert, Notice, Progress } from '../ui/status';

type Props = { config: RuntimeConfig; expired: boolean; returnTo: string };

export function SignInPage({ config, expired, returnTo }: Props) {
  const { t, language } = useI18n();
  usePageTitle(t.signIn.title);
  const [state, setState] = useState<'idle' | 'redirecting' | 'failed'>('idle');
  const start = () => {
    setState('redirecting');
    beginSignIn(config, language, returnTo).catch(() => setState('failed'));
  };
  return (
    <section className="sign-in">
      <h1 className="ds-heading" data-size="lg">
        {t.signIn.title}
      </h1>
      {expired ? <Notice>{t.signIn.expired}</Notice> : null}
      <p>{t.signIn.intro}</p>
      {state === 'failed' ? <Alert>{t.networkError}</Alert> : null}
      {state === 'redirecting' ? (
        <Progress label={t.signIn.redirecting} />
      ) : (
        <button type="button" className="ds-button" onClick={start}>
          {t.signIn.button}
        </button>
      )}
    </section>
  );
}
