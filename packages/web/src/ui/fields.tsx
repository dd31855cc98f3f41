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

type RadioProps = Common & {
  value: string;
  onChange: (value: string) => void;
  options: { value: string; label: ReactNode }[];
};

/** The error summary links to the first radio, which is where focus should land. */
export function RadioGroup({ id, label, hint, error, value, onChange, options }: RadioProps) {
  return (
    <fieldset className="ds-fieldset" aria-describedby={describedBy(id, hint, error)}>
      <legend className="ds-label">{label}</legend>
      <Hint id={id} hint={hint} />
      {options.map((option, index) => {
        const optionId = index === 0 ? id : `${id}-${option.value}`;
        return (
          <div className="ds-field" key={option.value}>
            <input
              type="radio"
              className="ds-input"
              id={optionId}
              name={id}
              value={option.value}
              checked={value === option.value}
              aria-invalid={error ? true : undefined}
              onChange={() => onChange(option.value)}
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

type CheckboxGroupProps = Common & {
  /** The values ticked. */
  values: readonly string[];
  onChange: (values: string[]) => void;
  options: { value: string; label: string }[];
};

/** Several of a list (arenas, who came): the error summary links to the first box. */
export function CheckboxGroup({ id, label, hint, error, values, onChange, options }: CheckboxGroupProps) {
  const ticked = new Set(values);
  const toggle = (value: string, on: boolean) =>
    onChange(options.map((o) => o.value).filter((v) => (v === value ? on : ticked.has(v))));
  return (
    <fieldset className="ds-fieldset" aria-describedby={describedBy(id, hint, error)}>
      <legend className="ds-label">{label}</legend>
      <Hint id={id} hint={hint} />
      {options.map((option, index) => {
        const optionId = index === 0 ? id : `${id}-${option.value}`;
        return (
          <div className="ds-field" key={option.value}>
            <input
              type="checkbox"
              className="ds-input"
              id={optionId}
              checked={ticked.has(option.value)}
              aria-invalid={error ? true : undefined}
              onChange={(event) => toggle(option.value, event.target.checked)}
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
