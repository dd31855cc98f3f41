/** Every page of the app and the URL it lives at. URLs carry the centre, so a link names what it shows. */
export type PageRoute =
  | { page: 'home' }
  | { page: 'callback' }
  | { page: 'accessibility' }
  | { page: 'today'; centre: string }
  | { page: 'figures'; centre: string }
  | { page: 'settings'; centre: string }
  | { page: 'participants'; centre: string }
  | { page: 'participantNew'; centre: string }
  | { page: 'participant'; centre: string; id: string }
  | { page: 'volunteer'; centre: string }
  | { page: 'volunteers'; centre: string }
  | { page: 'shop'; centre: string }
  | { page: 'positions'; centre: string }
  | { page: 'economy'; centre: string }
  | { page: 'accessLog'; centre: string }
  | { page: 'accessReport'; centre: string; id: string }
  | { page: 'participantExport'; centre: string; id: string }
  | { page: 'wheel'; centre: string; id: string }
  | { page: 'partnerPlan'; centre: string; id: string }
  | { page: 'accounts'; centre: string }
  | { page: 'survey'; centre: string }
  | { page: 'onboarding' }
  | { page: 'headOffice' }
  | { page: 'network' }
  | { page: 'surveyDraft' }
  | { page: 'surveyComments' }
  | { page: 'catalogue' }
  | { page: 'notFound' };

export const paths = {
  home: () => '/',
  accessibility: () => '/tilgjengelighet',
  today: (centre: string) => `/senter/${centre}/i-dag`,
  figures: (centre: string) => `/senter/${centre}/tall`,
  settings: (centre: string) => `/senter/${centre}/innstillinger`,
  participants: (centre: string) => `/senter/${centre}/deltakere`,
  participantNew: (centre: string) => `/senter/${centre}/deltakere/ny`,
  participant: (centre: string, id: string) => `/senter/${centre}/deltakere/${id}`,
  volunteer: (centre: string) => `/senter/${centre}/mine-timer`,
  volunteers: (centre: string) => `/senter/${centre}/frivillige`,
  shop: (centre: string) => `/senter/${centre}/ombruk`,
  positions: (centre: string) => `/senter/${centre}/stillinger`,
  economy: (centre: string) => `/senter/${centre}/okonomi`,
  accessLog: (centre: string) => `/senter/${centre}/tilgangslogg`,
  /** "Who has read my record" (*innsyn i logg*), for the leader to print and hand over. */
  accessReport: (centre: string, id: string) => `/senter/${centre}/deltakere/${id}/innsyn`,
  /** Everything held about the participant (GDPR Art. 15, 20), to print or download. */
  participantExport: (centre: string, id: string) => `/senter/${centre}/deltakere/${id}/eksport`,
  wheel: (centre: string, id: string) => `/senter/${centre}/deltakere/${id}/hjul`,
  /** The one-page plan for partners, only the domains the participant agreed to share. */
  partnerPlan: (centre: string, id: string) => `/senter/${centre}/deltakere/${id}/samarbeidsplan`,
  accounts: (centre: string) => `/senter/${centre}/kontoer`,
  survey: (centre: string) => `/senter/${centre}/undersokelse`,
  onboarding: () => '/admin/nye-sentre',
  headOffice: () => '/hovedkontor',
  network: () => '/erfaringsnettverket',
  /** The survey's questionnaire: the head office drafts and publishes it, the network comments on it. */
  surveyDraft: () => '/hovedkontor/sporreskjema',
  surveyComments: () => '/erfaringsnettverket/sporreskjema',
  catalogue: () => '/admin/katalog',
};

const segment = /^[a-z0-9-]+$/;

/** A centre's pages that are one section of the URL, by that section. */
const sections = {
  'i-dag': 'today',
  'mine-timer': 'volunteer',
  frivillige: 'volunteers',
  ombruk: 'shop',
  stillinger: 'positions',
  okonomi: 'economy',
  tilgangslogg: 'accessLog',
  kontoer: 'accounts',
  undersokelse: 'survey',
  tall: 'figures',
  innstillinger: 'settings',
} as const;

export function matchPath(pathname: string): PageRoute {
  const parts = pathname.replace(/\/+$/, '').split('/').slice(1).map(decodeURIComponent);
  if (parts.length === 0 || (parts.length === 1 && parts[0] === '')) return { page: 'home' };
  const [first, centre, section, id, sub, ...rest] = parts;
  if (parts.length === 2 && first === 'auth' && centre === 'callback') return { page: 'callback' };
  if (parts.length === 1 && first === 'hovedkontor') return { page: 'headOffice' };
  if (parts.length === 1 && first === 'erfaringsnettverket') return { page: 'network' };
  if (parts.length === 2 && first === 'hovedkontor' && centre === 'sporreskjema')
    return { page: 'surveyDraft' };
  if (parts.length === 2 && first === 'erfaringsnettverket' && centre === 'sporreskjema')
    return { page: 'surveyComments' };
  if (parts.length === 2 && first === 'admin' && centre === 'nye-sentre') return { page: 'onboarding' };
  if (parts.length === 1 && first === 'tilgjengelighet') return { page: 'accessibility' };
  if (parts.length === 2 && first === 'admin' && centre === 'katalog') return { page: 'catalogue' };
  if (first !== 'senter' || !centre || !segment.test(centre) || rest.length > 0) return { page: 'notFound' };
  if (section === 'deltakere' && id && segment.test(id)) {
    if (sub === 'hjul') return { page: 'wheel', centre, id };
    if (sub === 'samarbeidsplan') return { page: 'partnerPlan', centre, id };
    if (sub === 'innsyn') return { page: 'accessReport', centre, id };
    if (sub === 'eksport') return { page: 'participantExport', centre, id };
  }
  if (sub !== undefined) return { page: 'notFound' };
  const single =
    section && Object.hasOwn(sections, section) ? sections[section as keyof typeof sections] : null;
  if (single) return id === undefined ? { page: single, centre } : { page: 'notFound' };
  if (section !== 'deltakere') return { page: 'notFound' };
  if (id === undefined) return { page: 'participants', centre };
  if (id === 'ny') return { page: 'participantNew', centre };
  return segment.test(id) ? { page: 'participant', centre, id } : { page: 'notFound' };
}
