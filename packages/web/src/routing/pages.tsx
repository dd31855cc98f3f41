import { type ComponentType, type ReactNode, type ReactPromise, use } from 'react';
import { AccessibilityPage } from '../pages/accessibility';
import { HomePage } from '../pages/home';
import { NotFoundPage } from '../pages/not-found';
import type { PageRoute } from './paths';

/**
 * Marks a promise with how it settled (React's `ReactPromise`), the way `use` reads one: a page whose
 * module has already arrived renders at once instead of suspending for a turn.
 */
function track<T>(promise: Promise<T>): ReactPromise<T> {
  const marked = promise as Promise<T> & { status?: 'fulfilled' | 'rejected'; value?: T; reason?: unknown };
  marked.then(
    (value) => {
      marked.status = 'fulfilled';
      marked.value = value;
    },
    (reason: unknown) => {
      marked.status = 'rejected';
      marked.reason = reason;
    },
  );
  return marked as ReactPromise<T>;
}

/**
 * Each role's pages are chunks of their own, so the sign-in page stays light. A page's chunk is asked
 * for at most once: main.tsx asks for the first page's alongside config.json, so both arrive in one
 * round trip and the first render is already the whole page; later pages load when opened (Suspense).
 */
function lazyPage<P extends object>(load: () => Promise<ComponentType<P>>) {
  let module: ReactPromise<ComponentType<P>> | undefined;
  const preload = () => {
    module ??= track(load());
    return module;
  };
  function Page(props: P) {
    const Component = use(preload());
    return <Component {...props} />;
  }
  return { preload, Page };
}

const today = lazyPage(() => import('../pages/today').then((m) => m.TodayPage));
const participants = lazyPage(() => import('../pages/participants').then((m) => m.ParticipantsPage));
const participantNew = lazyPage(() => import('../pages/participant-new').then((m) => m.ParticipantNewPage));
const participant = lazyPage(() => import('../pages/participant').then((m) => m.ParticipantPage));
const volunteer = lazyPage(() => import('../pages/volunteer').then((m) => m.VolunteerPage));
const volunteers = lazyPage(() => import('../pages/volunteers').then((m) => m.VolunteersPage));
const shop = lazyPage(() => import('../pages/shop').then((m) => m.ShopPage));
const positions = lazyPage(() => import('../pages/positions').then((m) => m.PositionsPage));
const economy = lazyPage(() => import('../pages/economy').then((m) => m.EconomyPage));
const accessLog = lazyPage(() => import('../pages/access-log').then((m) => m.AccessLogPage));
const accessReport = lazyPage(() => import('../pages/access-report').then((m) => m.AccessReportPage));
const participantExport = lazyPage(() =>
  import('../pages/participant-export').then((m) => m.ParticipantExportPage),
);
const wheel = lazyPage(() => import('../pages/wheel').then((m) => m.WheelPage));
const partnerPlan = lazyPage(() => import('../pages/partner-plan').then((m) => m.PartnerPlanPage));
const headOffice = lazyPage(() => import('../pages/head-office').then((m) => m.HeadOfficePage));
const network = lazyPage(() => import('../pages/network').then((m) => m.NetworkPage));
const accounts = lazyPage(() => import('../pages/accounts').then((m) => m.AccountsPage));
const onboarding = lazyPage(() => import('../pages/onboarding').then((m) => m.OnboardingPage));
const figures = lazyPage(() => import('../pages/centre-figures').then((m) => m.CentreFiguresPage));
const settings = lazyPage(() => import('../pages/centre-settings').then((m) => m.CentreSettingsPage));
const survey = lazyPage(() => import('../pages/survey').then((m) => m.SurveyPage));
const surveyDraft = lazyPage(() => import('../pages/survey-draft').then((m) => m.SurveyDraftPage));
const surveyComments = lazyPage(() => import('../pages/survey-comments').then((m) => m.SurveyCommentsPage));
const catalogue = lazyPage(() => import('../pages/catalogue').then((m) => m.CataloguePage));

const lazyPages: Partial<Record<PageRoute['page'], { preload: () => PromiseLike<unknown> }>> = {
  today,
  participants,
  participantNew,
  participant,
  volunteer,
  volunteers,
  shop,
  positions,
  economy,
  accessLog,
  accessReport,
  participantExport,
  wheel,
  partnerPlan,
  headOffice,
  network,
  accounts,
  onboarding,
  figures,
  settings,
  catalogue,
  survey,
  surveyDraft,
  surveyComments,
};

/** Starts loading a route's page; settles at once for the pages in the first chunk. */
export function preloadPage(route: PageRoute): Promise<unknown> {
  return Promise.resolve(lazyPages[route.page]?.preload());
}

export function Page({ route }: { route: PageRoute }): ReactNode {
  switch (route.page) {
    case 'home':
      return <HomePage />;
    case 'accessibility':
      return <AccessibilityPage />;
    case 'figures':
      return <figures.Page centre={route.centre} />;
    case 'settings':
      return <settings.Page centre={route.centre} />;
    case 'catalogue':
      return <catalogue.Page />;
    case 'today':
      return <today.Page centre={route.centre} />;
    case 'participants':
      return <participants.Page centre={route.centre} />;
    case 'participantNew':
      return <participantNew.Page centre={route.centre} />;
    case 'participant':
      return <participant.Page centre={route.centre} id={route.id} />;
    case 'volunteer':
      return <volunteer.Page centre={route.centre} />;
    case 'volunteers':
      return <volunteers.Page centre={route.centre} />;
    case 'shop':
      return <shop.Page centre={route.centre} />;
    case 'positions':
      return <positions.Page centre={route.centre} />;
    case 'economy':
      return <economy.Page centre={route.centre} />;
    case 'accessLog':
      return <accessLog.Page centre={route.centre} />;
    case 'accessReport':
      return <accessReport.Page centre={route.centre} id={route.id} />;
    case 'participantExport':
      return <participantExport.Page centre={route.centre} id={route.id} />;
    case 'wheel':
      return <wheel.Page centre={route.centre} id={route.id} />;
    case 'partnerPlan':
      return <partnerPlan.Page centre={route.centre} id={route.id} />;
    case 'headOffice':
      return <headOffice.Page />;
    case 'network':
      return <network.Page />;
    case 'accounts':
      return <accounts.Page centre={route.centre} />;
    case 'onboarding':
      return <onboarding.Page />;
    case 'survey':
      return <survey.Page centre={route.centre} />;
    case 'surveyDraft':
      return <surveyDraft.Page />;
    case 'surveyComments':
      return <surveyComments.Page />;
    case 'callback':
    case 'notFound':
      return <NotFoundPage />;
  }
}
