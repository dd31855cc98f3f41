import type { FieldError } from '@crux/domain/errors';
import type { Gender, Participant, ReferralSource } from '@crux/domain/participant';
import { genders, referralSources } from '@crux/domain/participant-lists';
import type * as z from 'zod/mini';
import { en } from '../i18n/messages-en';
import { nb } from '../i18n/messages-nb';
import { type Checked, checkBody } from './check-body';
import { required } from './form-errors';

/** What the participant form holds: text as typed, so a half-typed year survives a reload. */
export type ParticipantValues = {
  displayName: string;
  birthYear: string;
  gender: Gender | '';
  startDate: string;
  referralSource: ReferralSource | '';
};

export const editableFields = ['displayName', 'birthYear', 'gender', 'startDate', 'referralSource'] as const;
export type EditableField = (typeof editableFields)[number];

export const emptyValues = (startDate: string): ParticipantValues => ({
  displayName: '',
  birthYear: '',
  gender: '',
  startDate,
  referralSource: '',
});

export function valuesOf(p: Participant): ParticipantValues {
  return {
    displayName: p.displayName,
    birthYear: String(p.birthYear),
    gender: p.gender ?? '',
    startDate: p.startDate,
    referralSource: p.referralSource,
  };
}

const isGender = (v: string): v is Gender => (genders as readonly string[]).includes(v);
const isReferral = (v: string): v is ReferralSource => (referralSources as readonly string[]).includes(v);

/**
 * The request body, with empty fields left out, and the plain messages a person needs for them: "fill
 * this in" or "choose one" rather than the schema's "at least 1 character" or its list of codes.
 */
export function toBody(values: ParticipantValues): { body: Record<string, unknown>; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const body: Record<string, unknown> = {};
  if (values.displayName.trim() === '') errors.push(required('displayName'));
  else body.displayName = values.displayName;
  const year = values.birthYear.trim();
  if (year === '') errors.push(required('birthYear'));
  else if (/^\d{4}$/.test(year)) body.birthYear = Number(year);
  else
    errors.push({
      field: 'birthYear',
      rule: 'format',
      message: { nb: nb.participant.birthYearFormat, en: en.participant.birthYearFormat },
    });
  if (isGender(values.gender)) body.gender = values.gender;
  if (values.startDate === '') errors.push(required('startDate'));
  else body.startDate = values.startDate;
  if (isReferral(values.referralSource)) body.referralSource = values.referralSource;
  else errors.push(required('referralSource', true));
  return { body, errors };
}

/** The client's own check with the API's schema, so most mistakes are caught before a round trip. */
export function checkParticipant<S extends z.ZodMiniType>(
  schema: S,
  values: ParticipantValues,
  extra: Record<string, unknown> = {},
): Checked<z.infer<S>> {
  const { body, errors } = toBody(values);
  return checkBody(schema, { ...body, ...extra }, errors);
}
