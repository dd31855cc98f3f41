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

const mustChoose: Text = { nb: nb.conflict.choose, en: en.conflict.choose };

/** Fields where what the user wants and what is stored differ. */
export function differingFields<F extends string>(
  fields: readonly F[],
  mine: FieldValues<F>,
  theirs: FieldValues<F>,
): F[] {
  return fields.filter((f) => mine[f].trim() !== theirs[f].trim());
}

/**
 * A 409 on save: every differing field is shown side by side. Where only one side changed a field, that
 * side is preselected; where both did, the user must choose. Nothing is written until they say so. The
 * caller sends the merged values against the stored version.
 */
export function ConflictResolver<F extends string>(props: Props<F>) {
  const { base, mine, theirs, onResolve, onDiscard, saving } = props;
  const { t } = useI18n();
  const fields = differingFields(props.fields, mine, theirs);
  const [choices, setChoices] = useState<Partial<Record<F, Choice>>>(() => {
    const initial: Partial<Record<F, Choice>> = {};
    for (const f of fields) {
      if (mine[f] === base[f]) initial[f] = 'theirs';
      else if (theirs[f] === base[f]) initial[f] = 'mine';
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
        {props.title ?? t.conflict.title}
      </h2>
      <p>{t.conflict.intro}</p>
      <ErrorSummary errors={errors} fieldIds={ids} attempt={attempt} />
      {fields.map((f) => (
        <RadioGroup
          key={f}
          id={idOf(f)}
          label={props.label(f)}
          value={choices[f] ?? ''}
          error={errors[f]}
          onChange={(choice) => {
            setChoices((c) => ({ ...c, [f]: choice as Choice }));
            setErrors(({ [f]: _, ...rest }) => rest);
          }}
          options={[
            { value: 'mine', label: t.conflict.keepMine(props.display(f, mine)) },
            { value: 'theirs', label: t.conflict.keepTheirs(props.display(f, theirs)) },
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
