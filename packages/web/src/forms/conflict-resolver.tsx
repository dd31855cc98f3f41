import type { Text } from '@crux/domain/text';
import { type FormEvent, useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { en } from '../i18n/messages-en';
import { nb } from '../i18n/messages-nb';
import { ErrorSummary } from '../ui/error-summary';
import { RadioGroup } from '../ui/fields';
import type { FormErrors } from './form-errors';

type Choice = 'mine' | 'theirs';

/** A form's values as text, one per field: what every form here edits, whatever record it is. */
export type FieldValues<F extends string> = Record<F, string>;

const mustChoose: Text = { nb: nb.conflict.choose, en: en.conflict.choose };

/** Fields where what the user wants and what is stored differ. */
export function differingFields<F extends string>(
  fields: readonly F[],
  mine: FieldValues<F>,
  theirs: FieldValues<F>,
): F[] {
  return fields.filter((f) => mine[f].trim() !== theirs[f].trim());
}

type ChoicesProps<F extends string, V extends Record<F, unknown>> = {
  /** The fields that differ between `mine` and `theirs`. */
  fields: readonly F[];
  /** What the user had when they started editing, what they want now, and what is stored now. */
  base: V;
  mine: V;
  theirs: V;
  label: (field: F) => string;
  show: (field: F, values: V) => string;
  same: (a: V[F], b: V[F]) => boolean;
  title: string;
  onResolve: (values: V) => void;
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
  const idOf = (f: F) => `conflict-${f.replace(/[^A-Za-z0-9-]/g, '-')}`;
  const ids = Object.fromEntries(fields.map((f) => [f, idOf(f)]));

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
    onResolve(merged);
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
          id={idOf(f)}
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

type Props<F extends string> = {
  /** The fields the form edits, in the order shown. */
  fields: readonly F[];
  /** What the user had when they started editing, what they want now, and what is stored now. */
  base: FieldValues<F>;
  mine: FieldValues<F>;
  theirs: FieldValues<F>;
  label: (field: F) => string;
  /** A value as a person reads it: labels for codes, dates in words. */
  display: (field: F, values: FieldValues<F>) => string;
  /** The heading: whose record someone else changed. */
  title?: string;
  onResolve: (values: FieldValues<F>) => void;
  onDiscard: () => void;
  saving: boolean;
};

/** A form whose values are text, one per field (the participant's, a volunteer's, a follow-up's). */
export function ConflictResolver<F extends string>(props: Props<F>) {
  const { t } = useI18n();
  const { mine, theirs } = props;
  return (
    <ConflictChoices<F, FieldValues<F>>
      fields={differingFields(props.fields, mine, theirs)}
      base={props.base}
      mine={mine}
      theirs={theirs}
      label={props.label}
      show={props.display}
      same={(a, b) => a === b}
      title={props.title ?? t.conflict.title}
      onResolve={props.onResolve}
      onDiscard={props.onDiscard}
      saving={props.saving}
    />
  );
}
