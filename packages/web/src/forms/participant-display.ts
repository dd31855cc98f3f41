import { formatDate } from '../i18n/format';
import type { Language } from '../i18n/language';
import type { Messages } from '../i18n/messages-nb';
import type { EditableField, ParticipantValues } from './participant-values';

/** A field's value as a person reads it: labels for codes, dates in words. */
export function displayValue(
  field: EditableField,
  values: ParticipantValues,
  t: Messages,
  language: Language,
): string {
  const value = values[field];
  if (value === '') return field === 'gender' ? t.participant.genderNone : t.conflict.empty;
  switch (field) {
    case 'gender':
      return t.participant.genders[values.gender as Exclude<ParticipantValues['gender'], ''>];
    case 'referralSource':
      return t.participant.referral[
        values.referralSource as Exclude<ParticipantValues['referralSource'], ''>
      ];
    case 'startDate':
      return /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDate(value, language) : value;
    default:
      return value;
  }
}

export const fieldLabel = (field: EditableField, t: Messages): string => t.participant[field];
