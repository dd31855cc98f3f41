import { audiences } from '@crux/api/audiences';
import { type RouteKey, routeByKey } from '@crux/api/routes';
import type { Claims } from '../auth/claims';
import type { Messages } from '../i18n/messages-nb';
import { type PageRoute, paths } from './paths';

/** Pages anyone may open, signed in or not. */
const openPages = ['home', 'callback', 'notFound', 'accessibility'] as const;
type DataPage = Exclude<PageRoute['page'], (typeof openPages)[number]>;

/**
 * The API route each page is built on. A role may open a page exactly when the route table lets it call
 * that route (and, for a centre's page, only at its own centre): the menu and a typed URL follow the API's
 * own rules, which refuse anything else anyway. A page of another centre shows "not found" without asking
 * the API for its data.
 */
const pageRoutes: Record<DataPage, RouteKey> = {
  today: 'POST /api/centres/{centreId}/activities',
  figures: 'GET /api/centres/{centreId}/figures/{year}',
  settings: 'PUT /api/centres/{centreId}/settings',
  participants: 'GET /api/centres/{centreId}/participants',
  participantNew: 'POST /api/centres/{centreId}/participants',
  participant: 'GET /api/centres/{centreId}/participants/{participantId}',
  volunteer: 'GET /api/centres/{centreId}/me',
  volunteers: 'POST /api/centres/{centreId}/volunteers',
  shop: 'PUT /api/centres/{centreId}/shop/{month}',
  positions: 'POST /api/centres/{centreId}/positions',
  economy: 'PUT /api/centres/{centreId}/economy/{year}',
  accessLog: 'GET /api/centres/{centreId}/access-log',
  accessReport: 'GET /api/centres/{centreId}/participants/{participantId}/access-log',
  participantExport: 'GET /api/centres/{centreId}/participants/{participantId}/export',
  wheel: 'GET /api/centres/{centreId}/participants/{participantId}/plan',
  // Staff print it for a partner; the participant has their plan on the wheel page.
  partnerPlan: 'PUT /api/centres/{centreId}/participants/{participantId}/plan',
  accounts: 'GET /api/centres/{centreId}/accounts',
  survey: 'GET /api/centres/{centreId}/survey/rounds',
  onboarding: 'POST /api/admin/onboardings',
  headOffice: 'GET /api/headoffice/figures/{year}',
  network: 'GET /api/network/figures/{year}',
  surveyDraft: 'PUT /api/headoffice/survey/questionnaire/draft',
  surveyComments: 'POST /api/network/survey/questionnaire/comments',
  catalogue: 'POST /api/admin/catalogue/changes',
};

/**
 * Whether the route table lets this person call a route (at `centre`, for a centre's route): pages show
 * only the actions the API would take from them (a staff member sees the survey's rounds, not its buttons).
 */
export function mayCall(claims: Claims, key: RouteKey, centre: string | undefined): boolean {
  const route = routeByKey.get(key);
  if (!route || !(route.roles as readonly string[]).includes(claims.role)) return false;
  return !audiences[route.audience].scoped || (centre !== undefined && claims.centre === centre);
}

const mayUse = (claims: Claims, page: DataPage, centre: string | undefined) =>
  mayCall(claims, pageRoutes[page], centre);

export function mayOpen(claims: Claims, route: PageRoute): boolean {
  if ((openPages as readonly string[]).includes(route.page)) return true;
  return mayUse(claims, route.page as DataPage, 'centre' in route ? route.centre : undefined);
}

export type NavItem = { href: string; label: (t: Messages) => string };

/** The menu: every page a role may open that stands on its own, in this order. */
const menu: { page: DataPage; href: (centre: string) => string; label: (t: Messages) => string }[] = [
  { page: 'today', href: paths.today, label: (t) => t.nav.today },
  { page: 'participants', href: paths.participants, label: (t) => t.nav.participants },
  { page: 'volunteer', href: paths.volunteer, label: (t) => t.nav.volunteer },
  { page: 'volunteers', href: paths.volunteers, label: (t) => t.nav.volunteers },
  { page: 'shop', href: paths.shop, label: (t) => t.nav.shop },
  // What only a leader does: the route table lets no one else call these routes.
  { page: 'positions', href: paths.positions, label: (t) => t.nav.positions },
  { page: 'economy', href: paths.economy, label: (t) => t.nav.economy },
  { page: 'accessLog', href: paths.accessLog, label: (t) => t.nav.accessLog },
  { page: 'accounts', href: paths.accounts, label: (t) => t.nav.accounts },
  { page: 'onboarding', href: paths.onboarding, label: (t) => t.nav.onboarding },
  { page: 'figures', href: paths.figures, label: (t) => t.nav.figures },
  { page: 'survey', href: paths.survey, label: (t) => t.nav.survey },
  { page: 'settings', href: paths.settings, label: (t) => t.nav.settings },
  { page: 'headOffice', href: paths.headOffice, label: (t) => t.nav.headOffice },
  { page: 'network', href: paths.network, label: (t) => t.nav.network },
  { page: 'surveyDraft', href: paths.surveyDraft, label: (t) => t.nav.questionnaire },
  { page: 'surveyComments', href: paths.surveyComments, label: (t) => t.nav.questionnaire },
  { page: 'catalogue', href: paths.catalogue, label: (t) => t.nav.catalogue },
];

export function navFor(claims: Claims): NavItem[] {
  return menu
    .filter((item) => mayUse(claims, item.page, claims.centre))
    .map((item) => ({ href: item.href(claims.centre ?? ''), label: item.label }));
}

/** Where a role lands after signing in; null for roles with no page in this client yet. */
export function homeOf(claims: Claims): string | null {
  // A participant has one page: their own plan.
  if (claims.participant && claims.centre) return paths.wheel(claims.centre, claims.participant);
  return navFor(claims)[0]?.href ?? null;
}
