import type { Rule } from '../validation';

/** The rules of the foundation's catalogue and its changes, each with its text (see ../rules.ts). */

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
