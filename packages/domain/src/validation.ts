import type * as z from 'zod/mini';
import { type AppError, type FieldError, fail, ok, type Result } from './errors';
import { addDays, PLAN_AHEAD_DAYS, PLATFORM_START, planningHorizon, todayInOslo } from './period';
import type { Text } from './text';

type Issue = z.core.$ZodIssue;

/** `31.12.2026`: dates in messages as people in Norway write them, in both languages. */
const shown = (iso: string) => iso.split('-').reverse().join('.');

/**
 * Custom rules raised with `z.refine(…, { message: rule })` and what they mean to a person. A window that
 * moves with today is worded when the message is made.
 */
const customRules: Record<string, Text | (() => Text)> = {
  date_past: () => ({
    nb: `Datoen må være fra ${shown(PLATFORM_START)} til i dag (${shown(todayInOslo())}).`,
    en: `The date must be from ${shown(PLATFORM_START)} to today (${shown(todayInOslo())}).`,
  }),
  date_planned: () => ({
    nb: `Datoen må være fra ${shown(PLATFORM_START)} til ${shown(planningHorizon())}.`,
    en: `The date must be from ${shown(PLATFORM_START)} to ${shown(planningHorizon())}.`,
  }),
  email: {
    nb: 'Skriv en gyldig e-postadresse, for eksempel navn@eksempel.no.',
    en: 'Enter a valid e-mail address, for example name@example.com.',
  },
  printable: {
    nb: 'Bruk vanlig tekst: ikke kontrolltegn, retningstegn eller ødelagte tegn.',
    en: 'Use plain text: no control characters, direction marks or broken characters.',
  },
  adult: {
    nb: 'Deltakeren må være minst 18 år det året deltakelsen starter.',
    en: 'The participant must turn 18 by the year the participation starts.',
  },
  before_start: {
    nb: 'Sluttdatoen kan ikke være før startdatoen.',
    en: 'The end date cannot be before the start date.',
  },
  range_too_long: {
    nb: 'Perioden kan være høyst ett år.',
    en: 'The period can be at most one year.',
  },
  already_ended: { nb: 'Deltakelsen er allerede avsluttet.', en: 'The participation has already ended.' },
  after_end: {
    nb: 'Startdatoen kan ikke være etter sluttdatoen.',
    en: 'The start date cannot be after the end date.',
  },
  cursor: {
    nb: 'Ugyldig side-markør. Start fra første side.',
    en: 'Invalid page cursor. Start from the first page.',
  },
  unknown_participant: {
    nb: 'Fant ingen deltaker med denne id-en ved senteret.',
    en: 'No participant with this id at the centre.',
  },
  duplicate_id: { nb: 'Id-en er allerede i bruk i listen.', en: 'This id is already used in the list.' },
  duplicate_name: { nb: 'Navnet er allerede i bruk i listen.', en: 'This name is already used in the list.' },
  required_section: {
    nb: 'Seksjonene plattformen fyller selv (deltakere, går videre til, Arbeidshjulet, frivillige, ansatte, ombruk og økonomi) må finnes.',
    en: 'The sections the platform fills itself (participants, goes on to, the wheel, volunteers, staff, reuse and economy) must exist.',
  },
  unknown_section: { nb: 'Fant ingen seksjon med denne id-en.', en: 'No section with this id.' },
  reserved_section: {
    nb: 'Denne seksjonen fyller plattformen selv, fra deltakelsene eller senterets registre, og den kan ikke ha egne typer.',
    en: "The platform fills this section itself, from the participations or the centre's registers, and it takes no entries of its own.",
  },
  names_participants: {
    nb: 'En type som teller deltakere må alltid registreres på en deltaker.',
    en: 'A kind that counts participants must always name a participant.',
  },
  plan_counts: {
    nb: 'En type som telles fra planene teller samtaler eller deltakere, ikke personer uten navn.',
    en: 'A kind counted from the plans counts conversations or participants, not unnamed persons.',
  },
  one_plan_kind: {
    nb: 'Bare én type kan telles fra arbeidshjul-samtalene.',
    en: 'Only one kind can be counted from the wheel conversations.',
  },
  registered_on_plan: {
    nb: 'Arbeidshjul-samtaler registreres på deltakerens plan og telles derfra, ikke under «I dag».',
    en: 'Wheel conversations are recorded on the participant\'s plan and counted from there, not on "Today".',
  },
  outside_scale: {
    nb: 'Plasseringen må ligge på skalaen.',
    en: 'The position must lie on the scale.',
  },
  too_many_domains: {
    nb: 'For mange livsområder.',
    en: 'Too many domains.',
  },
  scale_changed: {
    nb: 'Skalaen i katalogen er endret. Last siden på nytt og prøv igjen.',
    en: 'The scale in the catalogue has changed. Reload the page and try again.',
  },
  date_plan: () => ({
    nb: `Datoen må være fra ${shown(PLATFORM_START)} til ${shown(addDays(todayInOslo(), PLAN_AHEAD_DAYS))}.`,
    en: `The date must be from ${shown(PLATFORM_START)} to ${shown(addDays(todayInOslo(), PLAN_AHEAD_DAYS))}.`,
  }),
  unknown_entry: { nb: 'Fant ingen oppføring med denne id-en.', en: 'No entry with this id.' },
  has_history: {
    nb: 'Det er registrert noe på denne. Ta den ut av bruk i stedet for å slette den.',
    en: 'Something is registered under this entry. Retire it instead of deleting it.',
  },
  counting_locked: {
    nb: 'Hva typen teller kan ikke endres når det er registrert noe på den.',
    en: 'What the kind counts cannot change once something is registered under it.',
  },
  section_in_use: {
    nb: 'Seksjonen har oppføringer. Flytt dem til en annen seksjon først.',
    en: 'The section holds entries. Move them to another section first.',
  },
  unknown_type: { nb: 'Typen finnes ikke i katalogen.', en: 'This type is not in the catalogue.' },
  retired: {
    nb: 'Typen er tatt ut av bruk og kan ikke registreres lenger.',
    en: 'This type is retired and can no longer be registered.',
  },
  participant_required: {
    nb: 'Denne typen må registreres på en deltaker.',
    en: 'This kind must name a participant.',
  },
  participant_not_allowed: {
    nb: 'Denne typen registreres uten deltaker.',
    en: 'This kind is registered without naming a participant.',
  },
  quarter_hours: { nb: 'Timer føres i hele kvarter.', en: 'Hours are logged in quarter hours.' },
  outside_participation: {
    nb: 'Må ligge innenfor deltakelsen: ikke før den startet, og ikke etter at den sluttet.',
    en: 'Must lie within the participation: not before it started, nor after it ended.',
  },
  outside_order: {
    nb: 'Dagen må ligge innenfor straffen og deltakelsen.',
    en: 'The day must lie within the order and the participation.',
  },
  unknown_order: { nb: 'Deltakeren har ingen slik straff.', en: 'The participant has no such order.' },
  year: {
    nb: 'Må være et årstall med fire sifre, fra 2000 til 2100.',
    en: 'Must be a four-digit year from 2000 to 2100.',
  },
  other_month: { nb: 'Datoen må ligge i måneden.', en: 'The date must lie in the month.' },
  other_year: { nb: 'Datoen må ligge i året du fører for.', en: 'The date must lie in the year being kept.' },
  too_many_volunteers: {
    nb: 'For mange frivillige på én gang: høyst 90 i samtaler og samlinger til sammen.',
    en: 'Too many volunteers at once: at most 90 across talks and gatherings.',
  },
  amounts_count: {
    nb: 'Høyst 40 inntektskilder i ett år.',
    en: 'At most 40 income sources in a year.',
  },
  account_taken: {
    nb: 'Denne kontoen er allerede knyttet til en annen frivillig.',
    en: 'This account is already linked to another volunteer.',
  },
  outside_volunteering: {
    nb: 'Dagen må ligge innenfor tiden den frivillige er med.',
    en: "The day must lie within the volunteer's time at the centre.",
  },
  unknown_volunteer: {
    nb: 'Fant ingen frivillig med denne id-en ved senteret på de datoene som er oppgitt.',
    en: 'No volunteer with this id at the centre on the dates given.',
  },
  year_or_month: {
    nb: 'Oppgi enten et år (year) eller en måned (month), ikke begge.',
    en: 'Give either a year or a month, not both.',
  },
  month: {
    nb: 'Må være en måned (ÅÅÅÅ-MM) i et år fra 2000 til 2100.',
    en: 'Must be a month (YYYY-MM) of a year from 2000 to 2100.',
  },
  answer_code: {
    nb: 'Koden har 10 tegn: tall og bokstaver. Sjekk at den er skrevet riktig.',
    en: 'The code has 10 characters: digits and letters. Check that it is typed correctly.',
  },
  unknown_question: {
    nb: 'Spørsmålet finnes ikke i undersøkelsen.',
    en: 'This question is not in the survey.',
  },
  unknown_option: {
    nb: 'Dette svaret finnes ikke på spørsmålet.',
    en: 'This answer is not one of the question’s.',
  },
  free_text_length: { nb: 'Teksten kan ha høyst 1000 tegn.', en: 'The text can be at most 1000 characters.' },
  too_many_answers: { nb: 'For mange svar.', en: 'Too many answers.' },
  reserved_option: {
    nb: '«Ikke aktuelt» gis på hvert spørsmål og kan ikke være et eget svaralternativ.',
    en: '"Not applicable" is offered on every question and cannot be an option of its own.',
  },
  unknown_scale: { nb: 'Fant ingen skala med denne id-en.', en: 'No scale with this id.' },
  all_positive: {
    nb: 'Minst ett svaralternativ må telle som ikke positivt.',
    en: 'At least one option must count as not positive.',
  },
  unknown_version: {
    nb: 'Det finnes ingen publisert versjon med dette nummeret.',
    en: 'No published version has this number.',
  },
  year_not_begun: { nb: 'Året har ikke begynt ennå.', en: 'This year has not begun yet.' },
};

function ruleText(rule: string): Text | undefined {
  const text = customRules[rule];
  return typeof text === 'function' ? text() : text;
}

function describe(issue: Issue): { rule: string; message: Text } {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined)
        return { rule: 'required', message: { nb: 'Feltet må fylles ut.', en: 'This field is required.' } };
      return {
        rule: 'type',
        message: {
          nb: `Feil type: forventet ${issue.expected}.`,
          en: `Wrong type: expected ${issue.expected}.`,
        },
      };
    case 'too_small':
      if (issue.origin === 'string')
        return {
          rule: 'min_length',
          message: {
            nb: `Må ha minst ${issue.minimum} tegn.`,
            en: `Must be at least ${issue.minimum} characters.`,
          },
        };
      return {
        rule: 'min',
        message: { nb: `Må være minst ${issue.minimum}.`, en: `Must be at least ${issue.minimum}.` },
      };
    case 'too_big':
      if (issue.origin === 'string')
        return {
          rule: 'max_length',
          message: {
            nb: `Kan ha høyst ${issue.maximum} tegn.`,
            en: `Must be at most ${issue.maximum} characters.`,
          },
        };
      return {
        rule: 'max',
        message: { nb: `Kan være høyst ${issue.maximum}.`, en: `Must be at most ${issue.maximum}.` },
      };
    case 'invalid_format':
      if (issue.format === 'date')
        return {
          rule: 'date',
          message: { nb: 'Må være en gyldig dato (ÅÅÅÅ-MM-DD).', en: 'Must be a valid date (YYYY-MM-DD).' },
        };
      return { rule: 'format', message: { nb: 'Har ikke riktig format.', en: 'Has the wrong format.' } };
    case 'invalid_value':
      return {
        rule: 'one_of',
        message: {
          nb: `Må være en av: ${issue.values.join(', ')}.`,
          en: `Must be one of: ${issue.values.join(', ')}.`,
        },
      };
    case 'unrecognized_keys':
      return { rule: 'unknown_field', message: { nb: 'Ukjent felt.', en: 'Unknown field.' } };
    case 'custom': {
      const text = ruleText(issue.message);
      if (text) return { rule: issue.message, message: text };
      return { rule: 'invalid', message: { nb: 'Ugyldig verdi.', en: 'Invalid value.' } };
    }
    default:
      return { rule: 'invalid', message: { nb: 'Ugyldig verdi.', en: 'Invalid value.' } };
  }
}

/** One FieldError per broken rule; unknown keys are reported one field each, by name. */
export function fieldErrors(issues: readonly Issue[]): FieldError[] {
  const out: FieldError[] = [];
  for (const issue of issues) {
    const { rule, message } = describe(issue);
    const base = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) out.push({ field: base ? `${base}.${key}` : key, rule, message });
    } else {
      out.push({ field: base || '(body)', rule, message });
    }
  }
  return out;
}

export function validationError(fields: FieldError[]): AppError {
  return {
    code: 'validation',
    message: { nb: 'Noen felt er ikke fylt ut riktig.', en: 'Some fields are not filled in correctly.' },
    fields,
  };
}

export function fieldError(field: string, rule: string): AppError {
  const text = ruleText(rule) ?? { nb: 'Ugyldig verdi.', en: 'Invalid value.' };
  return validationError([{ field, rule, message: text }]);
}

export function parse<S extends z.ZodMiniType>(schema: S, input: unknown): Result<z.infer<S>> {
  const result = schema.safeParse(input);
  if (result.success) return ok(result.data as z.infer<S>);
  return fail(validationError(fieldErrors(result.error.issues)));
}
