import { useEffect, useRef, useState } from 'react';
import { completeSignIn } from '../auth/oidc';
import type { Session } from '../auth/session';
import type { RuntimeConfig } from '../config';
import { useI18n } from '../i18n/i18n';
import { Link } from '../routing/router';
import { usePageTitle } from '../ui/page-title';
import { Alert, Progress } from '../ui/status';

type Props = { config: RuntimeConfig; onSignedIn: (session: Session, returnTo: string) => void };

/** Where the identity provider sends the user back with a code; exchanges it once, then leaves. */
export function CallbackPage({ config, onSignedIn }: Props) {
  const { t } = useI18n();
  usePageTitle(t.signIn.title);
  const [failed, setFailed] = useState(false);
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    completeSignIn(config, location.search).then((result) => {
      if (result.ok) onSignedIn(result.session, result.returnTo);
      else setFailed(true);
    });
  }, [config, onSignedIn]);
  return (
    <section>
      <h1 className="ds-heading" data-size="lg">
        {t.signIn.title}
      </h1>
      {failed ? (
        <Alert action={<Link href="/">{t.signIn.button}</Link>}>{t.signIn.failed}</Alert>
      ) : (
        <Progress label={t.signIn.completing} />
      )}
    </section>
  );
}
