import { genders, referralSources } from '@crux/domain/participant-lists';
import { useI18n } from '../i18n/i18n';
import { SelectField, TextField } from '../ui/fields';
import type { FormErrors } from './form-errors';
import type { EditableField, ParticipantValues } from './participant-values';

export const participantFieldIds = (prefix: string): Record<EditableField, string> => ({
  displayName: `${prefix}-displayName`,
  birthYear: `${prefix}-birthYear`,
  gender: `${prefix}-gender`,
  startDate: `${prefix}-startDate`,
  referralSource: `${prefix}-referralSource`,
});

type Props = {
  prefix: string;
  values: ParticipantValues;
  errors: FormErrors;
  onChange: (change: Partial<ParticipantValues>) => void;
};

export function ParticipantFields({ prefix, values, errors, onChange }: Props) {
  const { t } = useI18n();
  const ids = participantFieldIds(prefix);
  return (
    <>
      <TextField
        id={ids.displayName}
        label={t.participant.displayName}
        hint={t.participant.displayNameHint}
        value={values.displayName}
        error={errors.displayName}
        autoComplete="off"
        onChange={(displayName) => onChange({ displayName })}
      />
      <TextField
        id={ids.birthYear}
        label={t.participant.birthYear}
        hint={t.participant.birthYearHint}
        value={values.birthYear}
        error={errors.birthYear}
        inputMode="numeric"
        autoComplete="off"
        className="short"
        onChange={(birthYear) => onChange({ birthYear })}
      />
      <SelectField
        id={ids.gender}
        label={t.participant.gender}
        value={values.gender}
        error={errors.gender}
        options={[
          { value: '', label: t.participant.genderNone },
          ...genders.map((g) => ({ value: g, label: t.participant.genders[g] })),
        ]}
        onChange={(gender) => onChange({ gender: gender as ParticipantValues['gender'] })}
      />
      <TextField
        id={ids.startDate}
        label={t.participant.startDate}
        type="date"
        value={values.startDate}
        error={errors.startDate}
        onChange={(startDate) => onChange({ startDate })}
      />
      <SelectField
        id={ids.referralSource}
        label={t.participant.referralSource}
        value={values.referralSource}
        error={errors.referralSource}
        options={[
          { value: '', label: t.participant.chooseOne },
          ...referralSources.map((r) => ({ value: r, label: t.participant.referral[r] })),
        ]}
        onChange={(referralSource) =>
          onChange({ referralSource: referralSource as ParticipantValues['referralSource'] })
        }
      />
    </>
  );
}
