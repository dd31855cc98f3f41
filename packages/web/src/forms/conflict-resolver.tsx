import type { Participant } from '@crux/domain/participant';
import type { Text } from '@crux/domain/text';
import { type FormEvent, useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { en } from '../i18n/messages-en';
import { nb } from '../i18n/messages-nb';
import { ErrorSummary } from '../ui/error-summary';
import { RadioGroup } from '../ui/fields';
import type { FormErrors } from './form-errors';
import { displayValue, fieldLabel } from './participant-display';
import { type EditableField, editableFields, type ParticipantValues, valuesOf } from './participant-values';

type Choice = 'mine' | 'theirs';

const mustChoose: Text = { nb: nb.conflict.choose, en: en.conflict.choose };

/** Fields where what the user wants and what is stored differ. */
export function differingFields(mine: ParticipantValues, current: Participant): EditableField[] {
  const theirs = valuesOf(current);
  return editableFields.filter((f) => mine[f].trim() !== theirs[f].trim());
}

type ChoicesProps<F extends string, V extends Record<F, unknown>> = {
  /** The fields that differ between `mine` and `theirs`. */
  fields: readonly F[];
  /** What the user had when they started editing, what they want now, and what is stored now. */
  base: V;
  mine: V;
  theirs: V;
  /** The stored version the merged values are written against. */
  version: number;
  label: (field: F) => string;
  show: (field: F, values: V) => string;
  same: (a: V[F], b: V[F]) => boolean;
  title: string;
  onResolve: (values: V, version: number) => void;
  onDiscard: () => void;
  saving: boolean;
};

/**
 * A 409 on save: every differing field is shown side by side. Where only one side changed a field, that
 * side is preselected; where both did, the user must choose. Nothing is written until they say so. Any
 * form with a version uses it: the participant's fields, the plan's parts.
 */
export function ConflictChoices<F extends string, V extends Record<F, unknown>>({
  fields,
  base,
  mine,
  theirs,
  version,
  label,
  show,
  same,
  title,
  onResolve,
  onDiscard,
  saving,
}: ChoicesProps<F, V>) {
  const { t } = useI18n();
  const [choices, setChoices] = useState<Partial<Record<F, Choice>>>(() => {
    const initial: Partial<Record<F, Choice>> = {};
    for (const f of fields) {
      if (same(mine[f], base[f])) initial[f] = 'theirs';
      else if (same(theirs[f], base[f])) initial[f] = 'mine';
    }
    return initial;
  });
  const [errors, setErrors] = useState<FormErrors>({});
  const [attempt, setAttempt] = useState(0);
  const ids = Object.fromEntries(fields.map((f) => [f, `conflict-${f}`]));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const missing = fields.filter((f) => !choices[f]);
    if (missing.length > 0) {
      setErrors(Object.fromEntries(missing.map((f) => [f, mustChoose])));
      setAttempt((a) => a + 1);
      return;
    }
    const merged = { ...mine };
    for (const f of fields) if (choices[f] === 'theirs') merged[f] = theirs[f];
    onResolve(merged, version);
  };

  return (
    <form className="conflict stack" onSubmit={onSubmit} noValidate aria-labelledby="conflict-title">
      <h2 className="ds-heading" data-size="md" id="conflict-title">
        {title}
      </h2>
      <p>{t.conflict.intro}</p>
      <ErrorSummary errors={errors} fieldIds={ids} attempt={attempt} />
      {fields.map((f) => (
        <RadioGroup
          key={f}
          id={`conflict-${f}`}
          label={label(f)}
          value={choices[f] ?? ''}
          error={errors[f]}
          onChange={(choice) => {
            setChoices((c) => ({ ...c, [f]: choice as Choice }));
            setErrors(({ [f]: _, ...rest }) => rest);
          }}
          options={[
            { value: 'mine', label: t.conflict.keepMine(show(f, mine)) },
            { value: 'theirs', label: t.conflict.keepTheirs(show(f, theirs)) },
          ]}
        />
      ))}
      <div className="actions">
        <button type="submit" className="ds-button" disabled={saving}>
          {t.conflict.apply}
        </button>
        <button type="button" className="ds-button" data-variant="secondary" onClick={onDiscard}>
          {t.conflict.discard}
        </button>
      </div>
    </form>
  );
}

type Props = {
  base: ParticipantValues;
  mine: ParticipantValues;
  current: Participant;
  onResolve: (values: ParticipantValues, version: number) => void;
  onDiscard: () => void;
  saving: boolean;
};

/** The participant's fields after a 409. */
export function ConflictResolver({ base, mine, current, onResolve, onDiscard, saving }: Props) {
  const { t, language } = useI18n();
  return (
    <ConflictChoices<EditableField, ParticipantValues>
      fields={differingFields(mine, current)}
      base={base}
      mine={mine}
      theirs={valuesOf(current)}
      version={current.version}
      label={(f) => fieldLabel(f, t)}
      show={(f, values) => displayValue(f, values, t, language)}
      same={(a, b) => a === b}
      title={t.conflict.title}
      onResolve={onResolve}
      onDiscard={onDiscard}
      saving={saving}
    />
  );
}
