import type { Catalogue } from './lists';

/**
 * The catalogue the platform ships: every line of Øvre Eiker's *Fakta og tall 2024*, named as the
 * report writes it, in its sections and order, and the key figures the foundation publishes across its
 * centres (home visits, meetings outside the centre, prison visits, digital follow-up, community meeting
 * points, exams passed). The foundation's "food distributions" are the bags a centre hands out
 * (`food_bag`), and its "conversations based on the wheel" are `wheel_conversation`: one kind each, so
 * every centre's figures add up to the foundation's. Wheel conversations are counted from the plans
 * (`registration: 'plan'`), never registered on *I dag*. The wheel's five domains are the living-condition
 * areas the method names (housing, work/activity, network/family, economy, health), on a scale of 1–10;
 * the partner types are the services a plan works with. Orders leave gaps (10, 20, …) to insert between.
 * Volunteers (60), staff (70), the shop's reuse (95) and the economy (100) are filled from the centre's
 * own registers, with the arenas volunteers help in and the income sources the report names; the survey
 * (110) is counted from the rounds.
 */
export const startingCatalogue: Catalogue = {
  version: 1,
  sections: [
    { id: 'participants', name: { nb: 'Deltakere', en: 'Participants' }, order: 10 },
    { id: 'outcomes', name: { nb: 'Går videre til', en: 'Goes on to' }, order: 20 },
    {
      id: 'centre_activity',
      name: { nb: 'Aktivitetstall Oppfølgingssenteret', en: 'Follow-up centre activity' },
      order: 30,
    },
    {
      id: 'wheel',
      name: { nb: 'Arbeidshjulet: endring i året', en: 'The wheel: change over the year' },
      order: 35,
    },
    { id: 'work_training', name: { nb: 'Arbeidstrening', en: 'Work training' }, order: 40 },
    {
      id: 'correctional',
      name: { nb: 'Aktivitetstall Kriminalomsorgen', en: 'Correctional service' },
      order: 50,
    },
    { id: 'volunteers', name: { nb: 'Frivillige', en: 'Volunteers' }, order: 60 },
    { id: 'staff', name: { nb: 'Ansatte', en: 'Staff' }, order: 70 },
    { id: 'own_measures', name: { nb: 'Egne tiltak', en: 'Own measures' }, order: 80 },
    { id: 'food', name: { nb: 'Matutdeling og julehjelp', en: 'Food and seasonal help' }, order: 90 },
    { id: 'reuse', name: { nb: 'Ombruk i bruktbutikken', en: "The shop's reuse" }, order: 95 },
    { id: 'economy', name: { nb: 'Økonomi', en: 'Economy' }, order: 100 },
  ],
  activityKinds: [
    kind('visit', 'Antall besøk', 'Visits', 10),
    kind('contact_point', 'Antall kontaktpunkt (telefon + SMS)', 'Contact points (phone + SMS)', 20),
    kind('wheel_conversation', 'Antall arbeidshjul-samtaler', 'Wheel conversations', 30, {
      registration: 'plan',
    }),
    kind(
      'support_conversation',
      'Antall andre støttesamtaler og samarbeidsmøter',
      'Other support conversations and collaboration meetings',
      40,
    ),
    kind(
      'non_participant_support',
      'Støttesamtaler og bistand til personer ikke tilknyttet CRUX som deltaker',
      'Support to people who are not participants',
      50,
      { counts: 'persons', participant: 'mustNot' },
    ),
    kind(
      'practical_help',
      'Praktisk bistand til økonomi, søknader, møte med behandlende instans, NAV o.l.',
      'Practical help (economy, applications, meetings with treatment, NAV etc.)',
      60,
    ),
    kind('cabin_trip', 'Hyttetur', 'Cabin trip', 70, { counts: 'participants', participant: 'must' }),
    // Home visits, a key figure the foundation names, are left for the platform admin to add: adding a
    // kind without a deploy is what the catalogue is for, and the guided first try does exactly this.
    kind('meeting_outside', 'Møter utenfor senteret', 'Meetings outside the centre', 90),
    kind('prison_visit', 'Fengselsbesøk', 'Prison visits', 100),
    kind('digital_follow_up', 'Digital oppfølging', 'Digital follow-up', 110),
    kind('community_meeting_point', 'Møtepunkter i lokalsamfunnet', 'Community meeting points', 120),
    kind('exam_passed', 'Beståtte eksamener', 'Exams passed', 130),
    kind('participant_meeting', 'Deltakermøter', 'Participant meetings', 140),
    kind('all_hands_meeting', 'Allmøter', 'All-hands meetings', 150),
    kind(
      'food_bag',
      'Matutdeling (antall poser utlevert)',
      'Food distribution (bags handed out)',
      10,
      { participant: 'mustNot' },
      'food',
    ),
    kind(
      'wish_tree_gift',
      'Ønsketre (julegaver til enkeltpersoner)',
      'Wish tree (Christmas gifts to individuals)',
      20,
      { participant: 'mustNot' },
      'food',
    ),
    kind(
      'christmas_food_box',
      'Matkasser før jul',
      'Christmas food boxes',
      30,
      { participant: 'mustNot' },
      'food',
    ),
    kind(
      'christmas_gift_card',
      'Gavekort på mat før jul',
      'Food gift cards before Christmas',
      40,
      { participant: 'mustNot' },
      'food',
    ),
  ],
  measureTypes: [
    listed('nav_activity', 'Aktivitetstiltak NAV', 'NAV activity measure', 'work_training', 10),
    listed(
      'municipal_follow_up',
      'Oppfølgingstiltak kommune',
      'Municipal follow-up measure',
      'work_training',
      20,
    ),
    listed('vto', 'VTO', 'VTO (permanent adapted work)', 'work_training', 30),
    listed(
      'clarification',
      'Avklaringstiltak fra ekstern innsøker',
      'Clarification measure from an external referrer',
      'own_measures',
      10,
    ),
    listed('mentor', 'Mentor', 'Mentor', 'own_measures', 20),
  ],
  orderTypes: [
    listed('community_sentence', 'Samfunnsstraff', 'Community sentence', 'correctional', 10),
    listed('fine_serving', 'Bøtestraff', 'Fine-serving', 'correctional', 20),
    listed('electronic_monitoring', 'Elektronisk kontroll', 'Electronic monitoring', 'correctional', 30),
  ],
  wheelDomains: [
    named('housing', 'Bolig', 'Housing', 10),
    named('work_activity', 'Arbeid/aktivitet', 'Work/activity', 20),
    named('network_family', 'Nettverk/familie', 'Network/family', 30),
    named('economy', 'Økonomi', 'Economy', 40),
    named('health', 'Helse', 'Health', 50),
  ],
  partnerTypes: [
    named('nav', 'NAV', 'NAV', 10),
    named('municipality', 'Kommunen', 'The municipality', 20),
    named('gp', 'Fastlege', 'GP', 30),
    named('treatment', 'Behandling', 'Treatment', 40),
    named('probation', 'Friomsorgen', 'Probation service', 50),
    named('family', 'Familie og nettverk', 'Family and network', 60),
    named('other', 'Andre', 'Others', 70),
  ],
  // In the schema's order: a change's base is hashed as parsed, so the shipped catalogue's hash must match.
  settings: {
    hoursPerFte: 1750,
    wheelScale: {
      min: 1,
      max: 10,
      low: { nb: 'Svært vanskelig nå', en: 'Very hard right now' },
      high: { nb: 'Fungerer godt', en: 'Going well' },
    },
    participantRetentionYears: 5,
    accessLogRetentionYears: 10,
  },
  volunteerArenas: [
    named('follow_up_centre', 'Oppfølgingssenteret', 'The follow-up centre', 10),
    named('shop', 'Bruktbutikk og kafé', 'Second-hand shop and café', 20),
    named('maintenance', 'Vedlikehold', 'Maintenance', 30),
    named('food_distribution', 'Matutdeling', 'Food distribution', 40),
    named('trips', 'Turer', 'Trips', 50),
  ],
  incomeSources: [
    named('helsedirektoratet', 'Helsedirektoratet', 'The Norwegian Directorate of Health', 10),
    named(
      'kriminalomsorgsdirektoratet',
      'Kriminalomsorgsdirektoratet',
      'The Norwegian Correctional Service',
      20,
    ),
    named('municipal_operating', 'Kommunalt driftstilskudd', 'Municipal operating grant', 30),
    named('municipal_project', 'Kommunalt prosjekttilskudd', 'Municipal project grant', 40),
    named('other_grants', 'Andre tilskudd', 'Other grants', 50),
    named('sales', 'Salg av varer og tjenester', 'Sales of goods and services', 60),
    named('gifts', 'Gaver', 'Gifts', 70),
    named('other_income', 'Andre inntekter', 'Other income', 80),
  ],
};

function named(id: string, nb: string, en: string, order: number) {
  return { id, name: { nb, en }, order, status: 'active' as const };
}

function listed(id: string, nb: string, en: string, section: string, order: number) {
  return { id, name: { nb, en }, section, order, status: 'active' as const };
}

function kind(
  id: string,
  nb: string,
  en: string,
  order: number,
  rules: Partial<Pick<Catalogue['activityKinds'][number], 'counts' | 'participant' | 'registration'>> = {},
  section = 'centre_activity',
): Catalogue['activityKinds'][number] {
  return { ...listed(id, nb, en, section, order), counts: 'sum', participant: 'may', ...rules };
}
