import type { Questionnaire, SurveyQuestion } from './questionnaire';

/**
 * The questionnaire the platform offers the head office as its first draft, built from what Øvre
 * Eiker's 2024 report says its survey asked: how the services feel, relations and safety with staff and
 * volunteers, and what the centre has helped with — everyday life, loneliness, meaningful activities,
 * how they use the centre, and housing, work, education, employers and economy, where many answer "not
 * applicable" because that part of their life is in order. The head office edits it before publishing.
 */
const extent = 'extent';
const helped = 'helped_with';

const scaled = (
  id: string,
  section: string,
  order: number,
  text: { nb: string; en: string },
  statement: { nb: string; en: string },
  positive: string[] = ['great', 'very_great'],
  scale = extent,
): SurveyQuestion => ({ id, section, order, kind: 'scale', scale, positive, text, statement });

const help = (id: string, order: number, nb: string, en: string, statementNb: string, statementEn: string) =>
  scaled(
    id,
    'helped',
    order,
    { nb: `Har kontakten med CRUX hjulpet deg ${nb}?`, en: `Has your contact with CRUX helped you ${en}?` },
    { nb: statementNb, en: statementEn },
    ['yes_much', 'yes_some'],
    helped,
  );

export const startingQuestionnaire: Questionnaire = {
  title: { nb: 'Deltakerundersøkelsen', en: 'The participant survey' },
  intro: {
    nb:
      'Vi vil gjerne vite hvordan CRUX er for deg. Du er anonym: vi ser ikke hvem som har svart hva. ' +
      'Du kan hoppe over spørsmål. Passer ikke et spørsmål for deg, svarer du «Ikke aktuelt» – det er et helt fint svar.',
    en:
      'We would like to know what CRUX is like for you. You are anonymous: we cannot see who answered what. ' +
      'You may skip any question. If a question does not fit your life, answer "Not applicable" – that is a fine answer.',
  },
  sections: [
    {
      id: 'services',
      title: { nb: 'Hvordan du opplever oss', en: 'How our services feel to you' },
      order: 10,
    },
    {
      id: 'relations',
      title: {
        nb: 'Relasjoner og trygghet med ansatte og frivillige',
        en: 'Relations and safety with staff and volunteers',
      },
      order: 20,
    },
    {
      id: 'helped',
      title: { nb: 'Hva senteret har hjulpet deg med', en: 'What the centre has helped you with' },
      order: 30,
    },
    { id: 'more', title: { nb: 'Til slutt', en: 'Finally' }, order: 40 },
  ],
  scales: [
    {
      id: extent,
      options: [
        { id: 'very_small', label: { nb: 'I svært liten grad', en: 'To a very small extent' } },
        { id: 'small', label: { nb: 'I liten grad', en: 'To a small extent' } },
        { id: 'some', label: { nb: 'I noen grad', en: 'To some extent' } },
        { id: 'great', label: { nb: 'I stor grad', en: 'To a great extent' } },
        { id: 'very_great', label: { nb: 'I svært stor grad', en: 'To a very great extent' } },
      ],
    },
    {
      id: helped,
      options: [
        { id: 'no', label: { nb: 'Nei', en: 'No' } },
        { id: 'yes_some', label: { nb: 'Ja, litt', en: 'Yes, a little' } },
        { id: 'yes_much', label: { nb: 'Ja, mye', en: 'Yes, a lot' } },
      ],
    },
  ],
  questions: [
    scaled(
      'welcome',
      'services',
      10,
      { nb: 'Føler du deg velkommen på senteret?', en: 'Do you feel welcome at the centre?' },
      { nb: 'føler seg velkommen', en: 'feel welcome' },
    ),
    scaled(
      'decide_use',
      'services',
      20,
      {
        nb: 'Har du vært med på å bestemme hvordan du bruker senteret?',
        en: 'Have you had a say in how you use the centre?',
      },
      {
        nb: 'har i svært stor grad vært med på å bestemme hvordan de bruker senteret',
        en: 'decided to a very great extent how they use the centre',
      },
      ['very_great'],
    ),
    scaled(
      'safe',
      'relations',
      10,
      {
        nb: 'Føler du deg trygg sammen med ansatte og frivillige?',
        en: 'Do you feel safe with staff and volunteers?',
      },
      { nb: 'føler seg trygge', en: 'feel safe' },
    ),
    scaled(
      'cooperation',
      'relations',
      20,
      { nb: 'Opplever du godt samarbeid med personalet?', en: 'Do you work well together with the staff?' },
      { nb: 'opplever godt samarbeid med personalet', en: 'work well together with the staff' },
    ),
    scaled(
      'seen_at_work',
      'relations',
      30,
      {
        nb: 'Blir du sett og fulgt opp når du er i arbeid her?',
        en: 'Are you seen and followed up when you work here?',
      },
      { nb: 'blir sett i arbeidssituasjonen', en: 'are seen when they work' },
    ),
    help(
      'everyday',
      10,
      'å håndtere hverdagen bedre',
      'cope better with everyday life',
      'håndterer hverdagen bedre',
      'cope better with everyday life',
    ),
    help(
      'less_lonely',
      20,
      'å bli mindre ensom',
      'feel less lonely',
      'opplever mindre ensomhet',
      'feel less lonely',
    ),
    help(
      'activities',
      30,
      'til meningsfulle aktiviteter i hverdagen',
      'to meaningful activities in everyday life',
      'har fått meningsfulle aktiviteter i hverdagen',
      'have meaningful activities in everyday life',
    ),
    help('housing', 40, 'med bolig', 'with housing', 'har fått hjelp med bolig', 'were helped with housing'),
    help(
      'work',
      50,
      'å komme i arbeid',
      'into work',
      'har fått hjelp til å komme i arbeid',
      'were helped into work',
    ),
    help(
      'education',
      60,
      'med utdanning',
      'with education',
      'har fått hjelp med utdanning',
      'were helped with education',
    ),
    help(
      'employers',
      70,
      'å komme i kontakt med arbeidsgivere',
      'to get in touch with employers',
      'har kommet i kontakt med arbeidsgivere',
      'got in touch with employers',
    ),
    help(
      'economy',
      80,
      'med økonomien',
      'with your finances',
      'har fått hjelp med økonomien',
      'were helped with their finances',
    ),
    {
      id: 'anything_else',
      section: 'more',
      order: 10,
      kind: 'text',
      text: {
        nb: 'Er det noe mer du vil si til oss?',
        en: 'Is there anything else you would like to tell us?',
      },
    },
  ],
};
