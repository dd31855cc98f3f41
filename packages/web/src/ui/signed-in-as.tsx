import type { Role } from '@crux/domain/roles';
import type { Claims } from '../auth/claims';
import { useI18n } from '../i18n/i18n';
import { en } from '../i18n/messages-en';
import { nb } from '../i18n/messages-nb';

/** The words of a text, lower-cased and joined by single spaces, with a space at each end. */
const words = (text: string) =>
  ` ${text
    .toLocaleLowerCase()
    .split(/[^\p{L}]+/u)
    .filter(Boolean)
    .join(' ')} `;

/**
 * Whether a display name already says the role, in either language ("Kari Nordmann (ansatt, Øvre
 * Eiker)", as the local demo users are named). A real person's name says no such thing, so the header
 * shows the role beside it; it never shows the role twice.
 */
export function nameSaysRole(name: string, role: Role): boolean {
  return [nb.roles[role], en.roles[role]].some((label) => words(name).includes(words(label)));
}

/** Who is signed in, and as what: the name once, the role once. */
export function SignedInAs({ claims }: { claims: Claims }) {
  const { t } = useI18n();
  return (
    <p className="who">
      <span>{t.nav.signedInAs(claims.name)}</span>
      {nameSaysRole(claims.name, claims.role) ? null : (
        <span className="ds-tag" data-color="neutral">
          {t.roles[claims.role]}
        </span>
      )}
    </p>
  );
}
