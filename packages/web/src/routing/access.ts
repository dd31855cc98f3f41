import type { Claims } from '../auth/claims';
import type { Messages } from '../i18n/messages-nb';
import { type PageRoute, paths } from './paths';

/**
 * What each role may open. The API refuses anything else anyway; this keeps the menu honest and makes a
 * typed URL of another centre or a forbidden page show "not found" without asking the API for its data.
 */
const worksAtCentre = (claims: Claims, centre: string) =>
  (claims.role === 'staff' || claims.role === 'leader') && claims.centre === centre;

export function mayOpen(claims: Claims, route: PageRoute): boolean {
  switch (route.page) {
    case 'home':
    case 'callback':
    case 'notFound':
      return true;
    case 'today':
    case 'participants':
    case 'participantNew':
    case 'participant':
      return worksAtCentre(claims, route.centre);
    case 'headOffice':
      return claims.role === 'headoffice';
    case 'network':
      return claims.role === 'network';
  }
}

export type NavItem = { href: string; label: (t: Messages) => string };

export function navFor(claims: Claims): NavItem[] {
  const { centre } = claims;
  if ((claims.role === 'staff' || claims.role === 'leader') && centre) {
    return [
      { href: paths.today(centre), label: (t) => t.nav.today },
      { href: paths.participants(centre), label: (t) => t.nav.participants },
    ];
  }
  if (claims.role === 'headoffice') return [{ href: paths.headOffice(), label: (t) => t.nav.headOffice }];
  if (claims.role === 'network') return [{ href: paths.network(), label: (t) => t.nav.network }];
  return [];
}

/** Where a role lands after signing in; null for roles with no page in this client yet. */
export function homeOf(claims: Claims): string | null {
  return navFor(claims)[0]?.href ?? null;
}
