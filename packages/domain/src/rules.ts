import type { Rule } from './validation';

/**
 * The rules the platform's checks and schemas raise beyond zod's own, each with its text in both
 * languages (validation.ts says how they are raised). One named export each, so that a function's
 * bundle keeps only the texts of the rules its code can raise; the date windows, worded from today,
 * are in period.ts, the survey's in survey/rules.ts and the catalogue's in
 * catalogue/rules.ts.
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
