import type { Goal } from '@crux/domain/wheel/schema';
import { useI18n } from '../i18n/i18n';
import { SelectField, TextAreaField } from '../ui/fields';
import type { WheelDomain } from '../ui/wheel-chart';
import type { FormErrors } from './form-errors';
import { planFieldId } from './plan-values';

/** Replaces item `i` of a list with its change. */
export const at = <T,>(list: T[], i: number, change: Partial<T>) =>
  list.map((item, j) => (j === i ? { ...item, ...change } : item));

type GoalProps = {
  goals: Goal[];
  domains: readonly WheelDomain[];
  errors: FormErrors;
  onChange: (change: (goals: Goal[]) => Goal[]) => void;
};

/** The goals, each in the participant's own words on one domain: staff's editor and the participant's own. */
export function GoalFields({ goals, domains, errors, onChange }: GoalProps) {
  const { t } = useI18n();
  const domainOptions = [
    { value: '', label: t.plan.chooseDomain },
    ...domains.map((d) => ({ value: d.id, label: d.name })),
  ];
  return (
    <>
      {goals.map((goal, i) => (
        <fieldset key={goal.id} className="ds-fieldset plan-item">
          <legend className="ds-label">{t.plan.goal(i + 1)}</legend>
          <SelectField
            id={planFieldId(`goals.${i}.domain`)}
            label={t.wheel.domain}
            value={goal.domain}
            error={errors[`goals.${i}.domain`]}
            options={domainOptions}
            onChange={(domain) => onChange((g) => at(g, i, { domain }))}
          />
          <TextAreaField
            id={planFieldId(`goals.${i}.text`)}
            label={t.plan.goalText}
            value={goal.text}
            error={errors[`goals.${i}.text`]}
            onChange={(text) => onChange((g) => at(g, i, { text }))}
          />
          <RemoveButton
            label={t.plan.removeGoal(i + 1)}
            onClick={() => onChange((g) => g.filter((_, j) => j !== i))}
          />
        </fieldset>
      ))}
      <AddButton
        label={t.plan.addGoal}
        onClick={() => onChange((g) => [...g, { id: crypto.randomUUID(), domain: '', text: '' }])}
      />
    </>
  );
}

export function AddButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <p>
      <button type="button" className="ds-button" data-variant="secondary" onClick={onClick}>
        {label}
      </button>
    </p>
  );
}

export function RemoveButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <p>
      <button type="button" className="ds-button" data-variant="tertiary" onClick={onClick}>
        {label}
      </button>
    </p>
  );
}
