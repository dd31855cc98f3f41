import { type ReactNode, useEffect, useRef } from 'react';
import type { Claims } from '../auth/claims';
import { useI18n } from '../i18n/i18n';
import { navFor } from '../routing/access';
import { Link, useRouter } from '../routing/router';
import { LanguageSwitch } from './language-switch';
import { SignedInAs } from './signed-in-as';

type Props = { claims?: Claims; onSignOut?: () => void; children: ReactNode };

/** Header, menu and main region of every page; after an in-app navigation focus moves to the new content. */
export function Layout({ claims, onSignOut, children }: Props) {
  const { t } = useI18n();
  const { pathname } = useRouter();
  const main = useRef<HTMLElement>(null);
  const firstRender = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on each navigation, which `pathname` marks.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    main.current?.focus();
  }, [pathname]);
  const items = claims ? navFor(claims) : [];
  return (
    <>
      <a className="ds-skip-link" href="#main">
        {t.skipToMain}
      </a>
      <header className="site-header">
        <div className="header-inner">
          <Link href="/" className="ds-link brand">
            {t.appName}
          </Link>
          <div className="header-tools">
            {claims ? <SignedInAs claims={claims} /> : null}
            <LanguageSwitch />
            {onSignOut ? (
              <button
                type="button"
                className="ds-button"
                data-variant="secondary"
                data-size="sm"
                onClick={onSignOut}
              >
                {t.nav.signOut}
              </button>
            ) : null}
          </div>
        </div>
        {items.length > 0 ? (
          <nav aria-label={t.mainNav} className="main-nav">
            <ul>
              {items.map((item) => (
                <li key={item.href}>
                  <Link
                    href={item.href}
                    {...(pathname.startsWith(item.href) ? { 'aria-current': 'page' as const } : {})}
                  >
                    {item.label(t)}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
