import type { Rule } from './validation';

/**
 * The rules the platform's checks and schemas raise beyond zod's own, each with its text in both
 * languages (validation.ts says how they are raised). One named export each, so that a function's
 * bundle keeps only the texts of the rules its code can raise; the date windows, worded from today,
 * are in period.ts.
 */

export const email: Rule = {
  name: 'email',
  text: {
    nb: 'Skriv en gyldig e-postadresse, for eksempel navn@eksempel.no.',
    en: 'Enter a valid e-mail address, for example name@example.com.',
  },
};

export const printable: Rule = {
  name: 'printable',
  text: {
    nb: 'Bruk vanlig tekst: ikke kontrolltegn, retningstegn eller ødelagte tegn.',
    en: 'Use plain text: no control characters, direction marks or broken characters.',
  },
};

export const adult: Rule = {
  name: 'adult',
  text: {
    nb: 'Deltakeren må være minst 18 år det året deltakelsen starter.',
    en: 'The participant must turn 18 by the year the participation starts.',
  },
};

export const beforeStart: Rule = {
  name: 'before_start',
  text: {
    nb: 'Sluttdatoen kan ikke være før startdatoen.',
    en: 'The end date cannot be before the start date.',
  },
};

export const rangeTooLong: Rule = {
  name: 'range_too_long',
  text: {
    nb: 'Perioden kan være høyst ett år.',
    en: 'The period can be at most one year.',
  },
};

export const alreadyEnded: Rule = {
  name: 'already_ended',
  text: { nb: 'Deltakelsen er allerede avsluttet.', en: 'The participation has already ended.' },
};

export const afterEnd: Rule = {
  name: 'after_end',
  text: {
    nb: 'Startdatoen kan ikke være etter sluttdatoen.',
    en: 'The start date cannot be after the end date.',
  },
};

export const cursor: Rule = {
  name: 'cursor',
  text: {
    nb: 'Ugyldig side-markør. Start fra første side.',
    en: 'Invalid page cursor. Start from the first page.',
  },
};

export const unknownParticipant: Rule = {
  name: 'unknown_participant',
  text: {
    nb: 'Fant ingen deltaker med denne id-en ved senteret.',
    en: 'No participant with this id at the centre.',
  },
};

export const duplicateId: Rule = {
  name: 'duplicate_id',
  text: { nb: 'Id-en er allerede i bruk i listen.', en: 'This id is already used in the list.' },
};

export const duplicateName: Rule = {
  name: 'duplicate_name',
  text: { nb: 'Navnet er allerede i bruk i listen.', en: 'This name is already used in the list.' },
};

export const requiredSection: Rule = {
  name: 'required_section',
  text: {
    nb: 'Seksjonene plattformen fyller selv (deltakere, går videre til, Arbeidshjulet, frivillige, ansatte, ombruk og økonomi) må finnes.',
    en: 'The sections the platform fills itself (participants, goes on to, the wheel, volunteers, staff, reuse and economy) must exist.',
  },
};

export const unknownSection: Rule = {
  name: 'unknown_section',
  text: { nb: 'Fant ingen seksjon med denne id-en.', en: 'No section with this id.' },
};

export const reservedSection: Rule = {
  name: 'reserved_section',
  text: {
    nb: 'Denne seksjonen fyller plattformen selv, fra deltakelsene eller senterets registre, og den kan ikke ha egne typer.',
    en: "The platform fills this section itself, from the participations or the centre's registers, and it takes no entries of its own.",
  },
};

export const namesParticipants: Rule = {
  name: 'names_participants',
  text: {
    nb: 'En type som teller deltakere må alltid registreres på en deltaker.',
    en: 'A kind that counts participants must always name a participant.',
  },
};

export const planCounts: Rule = {
  name: 'plan_counts',
  text: {
    nb: 'En type som telles fra planene teller samtaler eller deltakere, ikke personer uten navn.',
    en: 'A kind counted from the plans counts conversations or participants, not unnamed persons.',
  },
};

export const onePlanKind: Rule = {
  name: 'one_plan_kind',
  text: {
    nb: 'Bare én type kan telles fra arbeidshjul-samtalene.',
    en: 'Only one kind can be counted from the wheel conversations.',
  },
};

export const registeredOnPlan: Rule = {
  name: 'registered_on_plan',
  text: {
    nb: 'Arbeidshjul-samtaler registreres på deltakerens plan og telles derfra, ikke under «I dag».',
    en: 'Wheel conversations are recorded on the participant\'s plan and counted from there, not on "Today".',
  },
};

export const outsideScale: Rule = {
  name: 'outside_scale',
  text: {
    nb: 'Plasseringen må ligge på skalaen.',
    en: 'The position must lie on the scale.',
  },
};

export const tooManyDomains: Rule = {
  name: 'too_many_domains',
  text: {
    nb: 'For mange livsområder.',
    en: 'Too many domains.',
  },
};

export const scaleChanged: Rule = {
  name: 'scale_changed',
  text: {
    nb: 'Skalaen i katalogen er endret. Last siden på nytt og prøv igjen.',
    en: 'The scale in the catalogue has changed. Reload the page and try again.',
  },
};

export const unknownEntry: Rule = {
  name: 'unknown_entry',
  text: { nb: 'Fant ingen oppføring med denne id-en.', en: 'No entry with this id.' },
};

export const hasHistory: Rule = {
  name: 'has_history',
  text: {
    nb: 'Det er registrert noe på denne. Ta den ut av bruk i stedet for å slette den.',
    en: 'Something is registered under this entry. Retire it instead of deleting it.',
  },
};

export const countingLocked: Rule = {
  name: 'counting_locked',
  text: {
    nb: 'Hva typen teller kan ikke endres når det er registrert noe på den.',
    en: 'What the kind counts cannot change once something is registered under it.',
  },
};

export const sectionInUse: Rule = {
  name: 'section_in_use',
  text: {
    nb: 'Seksjonen har oppføringer. Flytt dem til en annen seksjon først.',
    en: 'The section holds entries. Move them to another section first.',
  },
};

export const unknownType: Rule = {
  name: 'unknown_type',
  text: { nb: 'Typen finnes ikke i katalogen.', en: 'This type is not in the catalogue.' },
};

export const retired: Rule = {
  name: 'retired',
  text: {
    nb: 'Typen er tatt ut av bruk og kan ikke registreres lenger.',
    en: 'This type is retired and can no longer be registered.',
  },
};

export const participantRequired: Rule = {
  name: 'participant_required',
  text: {
    nb: 'Denne typen må registreres på en deltaker.',
    en: 'This kind must name a participant.',
  },
};

export const participantNotAllowed: Rule = {
  name: 'participant_not_allowed',
  text: {
    nb: 'Denne typen registreres uten deltaker.',
    en: 'This kind is registered without naming a participant.',
  },
};

export const quarterHours: Rule = {
  name: 'quarter_hours',
  text: { nb: 'Timer føres i hele kvarter.', en: 'Hours are logged in quarter hours.' },
};

export const outsideParticipation: Rule = {
  name: 'outside_participation',
  text: {
    nb: 'Må ligge innenfor deltakelsen: ikke før den startet, og ikke etter at den sluttet.',
    en: 'Must lie within the participation: not before it started, nor after it ended.',
  },
};

export const outsideOrder: Rule = {
  name: 'outside_order',
  text: {
    nb: 'Dagen må ligge innenfor straffen og deltakelsen.',
    en: 'The day must lie within the order and the participation.',
  },
};

export const unknownOrder: Rule = {
  name: 'unknown_order',
  text: { nb: 'Deltakeren har ingen slik straff.', en: 'The participant has no such order.' },
};

export const year: Rule = {
  name: 'year',
  text: {
    nb: 'Må være et årstall med fire sifre, fra 2000 til 2100.',
    en: 'Must be a four-digit year from 2000 to 2100.',
  },
};

export const otherMonth: Rule = {
  name: 'other_month',
  text: { nb: 'Datoen må ligge i måneden.', en: 'The date must lie in the month.' },
};

export const otherYear: Rule = {
  name: 'other_year',
  text: { nb: 'Datoen må ligge i året du fører for.', en: 'The date must lie in the year being kept.' },
};

export const tooManyVolunteers: Rule = {
  name: 'too_many_volunteers',
  text: {
    nb: 'For mange frivillige på én gang: høyst 90 i samtaler og samlinger til sammen.',
    en: 'Too many volunteers at once: at most 90 across talks and gatherings.',
  },
};

export const amountsCount: Rule = {
  name: 'amounts_count',
  text: {
    nb: 'Høyst 40 inntektskilder i ett år.',
    en: 'At most 40 income sources in a year.',
  },
};

export const accountTaken: Rule = {
  name: 'account_taken',
  text: {
    nb: 'Denne kontoen er allerede knyttet til en annen frivillig.',
    en: 'This account is already linked to another volunteer.',
  },
};

export const outsideVolunteering: Rule = {
  name: 'outside_volunteering',
  text: {
    nb: 'Dagen må ligge innenfor tiden den frivillige er med.',
    en: "The day must lie within the volunteer's time at the centre.",
  },
};

export const unknownVolunteer: Rule = {
  name: 'unknown_volunteer',
  text: {
    nb: 'Fant ingen frivillig med denne id-en ved senteret på de datoene som er oppgitt.',
    en: 'No volunteer with this id at the centre on the dates given.',
  },
};

export const yearOrMonth: Rule = {
  name: 'year_or_month',
  text: {
    nb: 'Oppgi enten et år (year) eller en måned (month), ikke begge.',
    en: 'Give either a year or a month, not both.',
  },
};

export const month: Rule = {
  name: 'month',
  text: {
    nb: 'Må være en måned (ÅÅÅÅ-MM) i et år fra 2000 til 2100.',
    en: 'Must be a month (YYYY-MM) of a year from 2000 to 2100.',
  },
};

export const answerCode: Rule = {
  name: 'answer_code',
  text: {
    nb: 'Koden har 10 tegn: tall og bokstaver. Sjekk at den er skrevet riktig.',
    en: 'The code has 10 characters: digits and letters. Check that it is typed correctly.',
  },
};

export const unknownQuestion: Rule = {
  name: 'unknown_question',
  text: {
    nb: 'Spørsmålet finnes ikke i undersøkelsen.',
    en: 'This question is not in the survey.',
  },
};

export const unknownOption: Rule = {
  name: 'unknown_option',
  text: {
    nb: 'Dette svaret finnes ikke på spørsmålet.',
    en: 'This answer is not one of the question’s.',
  },
};

export const freeTextLength: Rule = {
  name: 'free_text_length',
  text: { nb: 'Teksten kan ha høyst 1000 tegn.', en: 'The text can be at most 1000 characters.' },
};

export const tooManyAnswers: Rule = {
  name: 'too_many_answers',
  text: { nb: 'For mange svar.', en: 'Too many answers.' },
};

export const reservedOption: Rule = {
  name: 'reserved_option',
  text: {
    nb: '«Ikke aktuelt» gis på hvert spørsmål og kan ikke være et eget svaralternativ.',
    en: '"Not applicable" is offered on every question and cannot be an option of its own.',
  },
};

export const unknownScale: Rule = {
  name: 'unknown_scale',
  text: { nb: 'Fant ingen skala med denne id-en.', en: 'No scale with this id.' },
};

export const allPositive: Rule = {
  name: 'all_positive',
  text: {
    nb: 'Minst ett svaralternativ må telle som ikke positivt.',
    en: 'At least one option must count as not positive.',
  },
};

export const unknownVersion: Rule = {
  name: 'unknown_version',
  text: {
    nb: 'Det finnes ingen publisert versjon med dette nummeret.',
    en: 'No published version has this number.',
  },
};

export const yearNotBegun: Rule = {
  name: 'year_not_begun',
  text: { nb: 'Året har ikke begynt ennå.', en: 'This year has not begun yet.' },
};
