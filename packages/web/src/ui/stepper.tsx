import type { Text } from '@crux/domain/text';
import { useI18n } from '../i18n/i18n';
import { ErrorMessage } from './fields';

type Props = {
  id: string;
  label: string;
  value: number;
  onChange: (value: number) => void;
  error?: Text | undefined;
  max?: number;
};

/** Big − and + buttons around a number field: a few taps on a phone, and typing still works. */
export function Stepper({ id, label, value, onChange, error, max = 500 }: Props) {
  const { t } = useI18n();
  const set = (next: number) => onChange(Math.min(max, Math.max(0, next)));
  return (
    <div className="ds-field">
      <label className="ds-label" htmlFor={id}>
        {label}
      </label>
      <div className="stepper-row">
        <button
          type="button"
          className="ds-button"
          data-variant="secondary"
          aria-label={t.today.decrease(label)}
          aria-controls={id}
          disabled={value <= 0}
          onClick={() => set(value - 1)}
        >
          −
        </button>
        <input
          id={id}
          name={id}
          type="number"
          className="ds-input"
          inputMode="numeric"
          min={0}
          max={max}
          value={value}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(event) => {
            const parsed = Number.parseInt(event.target.value, 10);
            set(Number.isNaN(parsed) ? 0 : parsed);
          }}
        />
        <button
          type="button"
          className="ds-button"
          data-variant="secondary"
          aria-label={t.today.increase(label)}
          aria-controls={id}
          disabled={value >= max}
          onClick={() => set(value + 1)}
        >
          +
        </button>
      </div>
      <ErrorMessage id={id} error={error} />
    </div>
  );
}
