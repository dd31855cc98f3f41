import type { Text } from '@crux/domain/text';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';

type Common = { id: string; label: string; hint?: string | undefined; error?: Text | undefined };

/** The ids a field's input points at with aria-describedby: its hint and its error, when shown. */
export const describedBy = (id: string, hint?: string, error?: Text) =>
  [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;

function Hint({ id, hint }: { id: string; hint?: string | undefined }) {
  return hint ? (
    <p data-field="description" id={`${id}-hint`}>
      {hint}
    </p>
  ) : null;
}

export function ErrorMessage({ id, error }: { id: string; error?: Text | undefined }) {
  const { text } = useI18n();
  return error ? (
    <p className="ds-validation-message" data-field="validation" id={`${id}-error`}>
      {text(error)}
    </p>
  ) : null;
}

/**
 * Designsystemet's field: label, hint, the control, then the error under it. Each control is linked to
 * its hint and error by hand (aria-describedby), since this client does not load Designsystemet's script.
 */
function Field({ id, label, hint, error, children }: Common & { children: ReactNode }) {
  return (
    <div className="ds-field">
      <label className="ds-label" htmlFor={id}>
        {label}
      </label>
      <Hint id={id} hint={hint} />
      {children}
      <ErrorMessage id={id} error={error} />
    </div>
  );
}

type TextFieldProps = Common & {
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'date' | 'search';
  inputMode?: 'numeric' | 'text';
  autoComplete?: string;
  className?: string;
};

export function TextField({
  id,
  label,
  hint,
  error,
  value,
  onChange,
  type = 'text',
  className,
  ...rest
}: TextFieldProps) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <input
        id={id}
        name={id}
        type={type}
        className={className ? `ds-input ${className}` : 'ds-input'}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        onChange={(event) => onChange(event.target.value)}
        {...rest}
      />
    </Field>
  );
}

type SelectProps = Common & {
  value: string;
  onChange: (value: string) => void;
  options: { value: string; label: string }[];
};

export function SelectField({ id, label, hint, error, value, onChange, options }: SelectProps) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <select
        id={id}
        name={id}
        className="ds-input"
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        onChange={(event) => onChange(event.target.value)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

type Choice = { value: string; label: ReactNode };

/**
 * A fieldset of radios or checkboxes, Designsystemet's way: legend, hint, one box per option, the error
 * under them. The first box carries the group's id, so the error summary's link lands focus on it.
 */
function ChoiceGroup({
  id,
  label,
  hint,
  error,
  type,
  options,
  isChecked,
  onToggle,
}: Common & {
  type: 'radio' | 'checkbox';
  options: Choice[];
  isChecked: (value: string) => boolean;
  onToggle: (value: string, on: boolean) => void;
}) {
  return (
    <fieldset className="ds-fieldset" aria-describedby={describedBy(id, hint, error)}>
      <legend className="ds-label">{label}</legend>
      <Hint id={id} hint={hint} />
      {options.map((option, index) => {
        const optionId = index === 0 ? id : `${id}-${option.value}`;
        return (
          <div className="ds-field" key={option.value}>
            <input
              type={type}
              className="ds-input"
              id={optionId}
              {...(type === 'radio' ? { name: id, value: option.value } : {})}
              checked={isChecked(option.value)}
              aria-invalid={error ? true : undefined}
              onChange={(event) => onToggle(option.value, event.target.checked)}
            />
            <label className="ds-label" data-weight="regular" htmlFor={optionId}>
              {option.label}
            </label>
          </div>
        );
      })}
      <ErrorMessage id={id} error={error} />
    </fieldset>
  );
}

type RadioProps = Common & { value: string; onChange: (value: string) => void; options: Choice[] };

/** One of a list. */
export function RadioGroup({ value, onChange, ...rest }: RadioProps) {
  return <ChoiceGroup {...rest} type="radio" isChecked={(v) => v === value} onToggle={(v) => onChange(v)} />;
}

type CheckboxGroupProps = Common & {
  /** The values ticked. */
  values: readonly string[];
  onChange: (values: string[]) => void;
  options: Choice[];
};

/** Several of a list (arenas, who came, the answers that count as positive), in the options' order. */
export function CheckboxGroup({ values, onChange, options, ...rest }: CheckboxGroupProps) {
  const ticked = new Set(values);
  const toggle = (value: string, on: boolean) =>
    onChange(options.map((o) => o.value).filter((v) => (v === value ? on : ticked.has(v))));
  return (
    <ChoiceGroup
      {...rest}
      type="checkbox"
      options={options}
      isChecked={(v) => ticked.has(v)}
      onToggle={toggle}
    />
  );
}

type TextAreaProps = Common & { value: string; onChange: (value: string) => void; rows?: number };

export function TextAreaField({ id, label, hint, error, value, onChange, rows = 3 }: TextAreaProps) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <textarea
        id={id}
        name={id}
        className="ds-input"
        rows={rows}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        onChange={(event) => onChange(event.target.value)}
      />
    </Field>
  );
}

type CheckboxProps = Common & { checked: boolean; onChange: (checked: boolean) => void };

/** A checkbox before its label, as Designsystemet lays one out; its error under both. */
export function CheckboxField({ id, label, hint, error, checked, onChange }: CheckboxProps) {
  return (
    <div className="ds-field checkbox-field">
      <input
        id={id}
        name={id}
        type="checkbox"
        className="ds-input"
        checked={checked}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        onChange={(event) => onChange(event.target.checked)}
      />
      <label className="ds-label" data-weight="regular" htmlFor={id}>
        {label}
      </label>
      <Hint id={id} hint={hint} />
      <ErrorMessage id={id} error={error} />
    </div>
  );
}
