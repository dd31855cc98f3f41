import { Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { createApi } from './api/client';
import { AppContext, type AppContextValue } from './app-context';
import { beginSignIn, refreshSession, signOut } from './auth/oidc';
import { isExpired, loadSession, refreshDelayMs, type Session } from './auth/session';
import type { RuntimeConfig } from './config';
import { clearAllDrafts } from './forms/drafts';
import { useI18n } from './i18n/i18n';
import { AccessibilityPage } from './pages/accessibility';
import { CallbackPage } from './pages/callback';
import { NotFoundPage } from './pages/not-found';
import { SignInPage } from './pages/sign-in';
import { mayOpen } from './routing/access';
import { Page } from './routing/pages';
import { matchPath } from './routing/paths';
import { useRouter } from './routing/router';
import { Layout } from './ui/layout';
import { Alert, Progress } from './ui/status';

export function App({ config }: { config: RuntimeConfig | null }) {
  const { t } = useI18n();
  if (!config) {
    return (
      <Layout>
        <h1 className="ds-heading" data-size="lg">
          {t.appName}
        </h1>
        <Alert>{t.signIn.configFailed}</Alert>
      </Layout>
    );
  }
  return <ConfiguredApp config={config} />;
}

function ConfiguredApp({ config }: { config: RuntimeConfig }) {
  const { t, language } = useI18n();
  const { pathname, search, navigate } = useRouter();
  const [session, setSession] = useState<Session | null>(loadSession);
  const [reauthenticating, setReauthenticating] = useState(false);
  const sessionRef = useRef(session);
  sessionRef.current = session;
  const languageRef = useRef(language);
  languageRef.current = language;

  // Drafts are already in sessionStorage; going to the provider and back restores the page and the form.
  const reauthenticate = useCallback(() => {
    setReauthenticating(true);
    beginSignIn(config, languageRef.current, location.pathname + location.search).catch(() =>
      setReauthenticating(false),
    );
  }, [config]);

  // One refresh at a time: the timer and any request that finds the token spent share it.
  const refreshing = useRef<Promise<Session | null> | null>(null);
  const refresh = useCallback(() => {
    const current = sessionRef.current;
    if (!current) return Promise.resolve(null);
    refreshing.current ??= refreshSession(config, current).then((next) => {
      refreshing.current = null;
      if (next) {
        sessionRef.current = next;
        setSession(next);
      }
      return next;
    });
    return refreshing.current;
  }, [config]);

  // Renewed before it runs out, so the user is never stopped while the session lasts; once the refresh
  // token is refused, the next request signs in again (drafts kept), see `reauthenticate`.
  useEffect(() => {
    if (!session?.refreshToken) return;
    const timer = setTimeout(() => void refresh(), refreshDelayMs(session));
    return () => clearTimeout(timer);
  }, [session, refresh]);

  const onSignedIn = useCallback(
    (next: Session, returnTo: string) => {
      setSession(next);
      navigate(returnTo, { replace: true });
    },
    [navigate],
  );

  // The same context across refreshes: new tokens of the same user change nothing the pages see.
  const signedIn = session ? session.claims.sub : null;
  const context = useMemo<AppContextValue | null>(() => {
    const current = sessionRef.current;
    if (!signedIn || !current) return null;
    return {
      config,
      claims: current.claims,
      api: createApi(config, () => sessionRef.current, reauthenticate, refresh),
      signOut: () => {
        clearAllDrafts();
        setSession(null);
        signOut(config, sessionRef.current);
      },
    };
  }, [config, signedIn, reauthenticate, refresh]);

  const route = matchPath(pathname);
  // The accessibility statement is public: anyone may read it before signing in.
  if (route.page === 'accessibility' && !context) {
    return (
      <Layout>
        <AccessibilityPage />
      </Layout>
    );
  }
  if (route.page === 'callback') {
    return (
      <Layout>
        <CallbackPage config={config} onSignedIn={onSignedIn} />
      </Layout>
    );
  }
  if (reauthenticating) {
    return (
      <Layout>
        <h1 className="ds-heading" data-size="lg">
          {t.signIn.title}
        </h1>
        <Progress label={t.signIn.redirecting} />
      </Layout>
    );
  }
  if (!session || !context || isExpired(session)) {
    return (
      <Layout>
        <SignInPage config={config} expired={session !== null} returnTo={pathname + search} />
      </Layout>
    );
  }
  return (
    <AppContext value={context}>
      <Layout claims={session.claims} onSignOut={context.signOut}>
        <Suspense fallback={<Progress label={t.loading} />}>
          {mayOpen(session.claims, route) ? <Page route={route} /> : <NotFoundPage />}
        </Suspense>
      </Layout>
    </AppContext>
  );
}
