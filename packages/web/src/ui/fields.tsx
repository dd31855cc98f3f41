import type { Text } from '@crux/domain/text';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';

type Common = { id: string; label: string; hint?: string; error?: Text | undefined };

const describedBy = (id: string, hint?: string, error?: Text) =>
  [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;

function Hint({ id, hint }: { id: string; hint?: string | undefined }) {
  return hint ? (
    <p className="hint" id={`${id}-hint`}>
      {hint}
    </p>
  ) : null;
}

function ErrorMessage({ id, error }: { id: string; error?: Text | undefined }) {
  const { text } = useI18n();
  return error ? (
    <p className="field-error" id={`${id}-error`}>
      {text(error)}
    </p>
  ) : null;
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
  ...rest
}: TextFieldProps) {
  return (
    <div className={`field${error ? ' has-error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <Hint id={id} hint={hint} />
      <ErrorMessage id={id} error={error} />
      <input
        id={id}
        name={id}
        type={type}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        onChange={(event) => onChange(event.target.value)}
        {...rest}
      />
    </div>
  );
}

type SelectProps = Common & {
  value: string;
  onChange: (value: string) => void;
  options: { value: string; label: string }[];
};

export function SelectField({ id, label, hint, error, value, onChange, options }: SelectProps) {
  return (
    <div className={`field${error ? ' has-error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <Hint id={id} hint={hint} />
      <ErrorMessage id={id} error={error} />
      <select
        id={id}
        name={id}
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
    </div>
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
    <fieldset
      className={`field radio-group${error ? ' has-error' : ''}`}
      aria-describedby={describedBy(id, hint, error)}
    >
      <legend>{label}</legend>
      <Hint id={id} hint={hint} />
      <ErrorMessage id={id} error={error} />
      {options.map((option, index) => {
        const optionId = index === 0 ? id : `${id}-${option.value}`;
        return (
          <div className="radio" key={option.value}>
            <input
              type="radio"
              id={optionId}
              name={id}
              value={option.value}
              checked={value === option.value}
              onChange={() => onChange(option.value)}
            />
            <label htmlFor={optionId}>{option.label}</label>
          </div>
        );
      })}
    </fieldset>
  );
}
