import { todayInOslo } from '@crux/domain/calendar';
import type { FormEvent } from 'react';
import { useI18n } from '../i18n/i18n';
import { ErrorSummary } from '../ui/error-summary';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../ui/fields';
import { Progress } from '../ui/status';
import type { WheelDomain } from '../ui/wheel-chart';
import { AddButton, at, GoalFields, RemoveButton } from './goal-fields';
import { NetworkRetry } from './network-retry';
import { type PlanValues, planFieldId } from './plan-values';
import type { SubmitState } from './submit-state';

type Named = { id: string; name: string };

type Props = {
  values: PlanValues;
  domains: readonly WheelDomain[];
  partnerTypes: readonly Named[];
  state: SubmitState;
  onChange: (change: (values: PlanValues) => PlanValues) => void;
  onSave: () => void;
  onCancel: () => void;
};

/**
 * The plan's goals, steps, partners and consent, with native controls only; each item of a list in a
 * fieldset of its own with its remove button, and each field's id its API path (`goals.0.text`), so an
 * error of the API's lands at its field.
 */
export function PlanForm({ values, domains, partnerTypes, state, onChange, onSave, onCancel }: Props) {
  const { t } = useI18n();
  const domainOptions = [
    { value: '', label: t.plan.chooseDomain },
    ...domains.map((d) => ({ value: d.id, label: d.name })),
  ];
  const typeOptions = [
    { value: '', label: t.plan.chooseType },
    ...partnerTypes.map((p) => ({ value: p.id, label: p.name })),
  ];
  const error = (path: string) => state.errors[path];
  // Errors of a partner's domains point at the checkbox of that domain; the rest at the field of its path.
  const idOf = (path: string) => {
    const domain = /^partners\.(\d+)\.domains\.(\d+)$/.exec(path);
    if (!domain) return planFieldId(path);
    const [, i, j] = domain;
    return planFieldId(`partners.${i}.domains.${values.partners[Number(i)]?.domains[Number(j)] ?? ''}`);
  };
  const fieldIds = Object.fromEntries(Object.keys(state.errors).map((path) => [path, idOf(path)]));
  const set = onChange;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    onSave();
  };
  return (
    <form onSubmit={onSubmit} noValidate className="stack edit" aria-labelledby="plan-edit-title">
      <h2 className="ds-heading" data-size="md" id="plan-edit-title">
        {t.plan.editTitle}
      </h2>
      <p className="hint">{t.plan.editHint}</p>
      <ErrorSummary
        errors={state.errors}
        fieldIds={fieldIds}
        attempt={state.attempt}
        extra={state.formError}
      />

      <h3 className="ds-heading" data-size="sm">
        {t.wheel.goals}
      </h3>
      <GoalFields
        goals={values.goals}
        domains={domains}
        errors={state.errors}
        onChange={(change) => set((v) => ({ ...v, goals: change(v.goals) }))}
      />

      <h3 className="ds-heading" data-size="sm">
        {t.wheel.steps}
      </h3>
      {values.steps.map((step, i) => (
        <fieldset key={step.id} className="ds-fieldset plan-item">
          <legend className="ds-label">{t.plan.step(i + 1)}</legend>
          <SelectField
            id={planFieldId(`steps.${i}.domain`)}
            label={t.wheel.domain}
            value={step.domain}
            error={error(`steps.${i}.domain`)}
            options={domainOptions}
            onChange={(domain) => set((v) => ({ ...v, steps: at(v.steps, i, { domain }) }))}
          />
          <TextAreaField
            id={planFieldId(`steps.${i}.what`)}
            label={t.plan.stepWhat}
            rows={2}
            value={step.what}
            error={error(`steps.${i}.what`)}
            onChange={(what) => set((v) => ({ ...v, steps: at(v.steps, i, { what }) }))}
          />
          <TextField
            id={planFieldId(`steps.${i}.who`)}
            label={t.plan.stepWho}
            hint={t.plan.stepWhoHint}
            value={step.who}
            error={error(`steps.${i}.who`)}
            onChange={(who) => set((v) => ({ ...v, steps: at(v.steps, i, { who }) }))}
          />
          <TextField
            id={planFieldId(`steps.${i}.due`)}
            label={t.plan.stepDue}
            type="date"
            value={step.due}
            error={error(`steps.${i}.due`)}
            onChange={(due) => set((v) => ({ ...v, steps: at(v.steps, i, { due }) }))}
          />
          <TextField
            id={planFieldId(`steps.${i}.done`)}
            label={t.plan.stepDone}
            hint={t.plan.stepDoneHint}
            type="date"
            value={step.done}
            error={error(`steps.${i}.done`)}
            onChange={(done) => set((v) => ({ ...v, steps: at(v.steps, i, { done }) }))}
          />
          <RemoveButton
            label={t.plan.removeStep(i + 1)}
            onClick={() => set((v) => ({ ...v, steps: v.steps.filter((_, j) => j !== i) }))}
          />
        </fieldset>
      ))}
      <AddButton
        label={t.plan.addStep}
        onClick={() =>
          set((v) => ({
            ...v,
            steps: [
              ...v.steps,
              { id: crypto.randomUUID(), domain: '', what: '', who: '', due: '', done: '' },
            ],
          }))
        }
      />

      <h3 className="ds-heading" data-size="sm">
        {t.wheel.partners}
      </h3>
      {values.partners.map((partner, i) => {
        const field = (key: 'organisation' | 'contact' | 'phone' | 'email', label: string, hint?: string) => (
          <TextField
            id={planFieldId(`partners.${i}.${key}`)}
            label={label}
            hint={hint}
            value={partner[key]}
            error={error(`partners.${i}.${key}`)}
            onChange={(value) => set((v) => ({ ...v, partners: at(v.partners, i, { [key]: value }) }))}
          />
        );
        return (
          <fieldset key={partner.id} className="ds-fieldset plan-item">
            <legend className="ds-label">{t.plan.partner(i + 1)}</legend>
            <SelectField
              id={planFieldId(`partners.${i}.type`)}
              label={t.plan.partnerType}
              value={partner.type}
              error={error(`partners.${i}.type`)}
              options={typeOptions}
              onChange={(type) => set((v) => ({ ...v, partners: at(v.partners, i, { type }) }))}
            />
            {field('organisation', t.plan.organisation, t.plan.organisationHint)}
            {field('contact', t.plan.contact)}
            {field('phone', t.plan.phone)}
            {field('email', t.plan.email)}
            <fieldset className="ds-fieldset">
              <legend className="ds-label">{t.plan.partnerDomains}</legend>
              {domains.map((d) => (
                <CheckboxField
                  key={d.id}
                  id={planFieldId(`partners.${i}.domains.${d.id}`)}
                  label={d.name}
                  checked={partner.domains.includes(d.id)}
                  onChange={(on) =>
                    set((v) => ({
                      ...v,
                      partners: at(v.partners, i, {
                        domains: on ? [...partner.domains, d.id] : partner.domains.filter((x) => x !== d.id),
                      }),
                    }))
                  }
                />
              ))}
            </fieldset>
            <RemoveButton
              label={t.plan.removePartner(i + 1)}
              onClick={() => set((v) => ({ ...v, partners: v.partners.filter((_, j) => j !== i) }))}
            />
          </fieldset>
        );
      })}
      <AddButton
        label={t.plan.addPartner}
        onClick={() =>
          set((v) => ({
            ...v,
            partners: [
              ...v.partners,
              {
                id: crypto.randomUUID(),
                type: '',
                organisation: '',
                contact: '',
                phone: '',
                email: '',
                domains: [],
              },
            ],
          }))
        }
      />

      <fieldset className="ds-fieldset plan-item" aria-describedby="plan-consent-hint">
        <legend className="ds-label">{t.plan.consent}</legend>
        <p data-field="description" id="plan-consent-hint">
          {t.plan.consentHint}
        </p>
        {domains.map((d) => {
          const date = values.consent[d.id];
          return (
            <div key={d.id} className="stack">
              <CheckboxField
                id={planFieldId(`consent.${d.id}`)}
                label={t.plan.consentShared(d.name)}
                checked={date !== undefined}
                onChange={(on) =>
                  set((v) => {
                    const { [d.id]: _, ...rest } = v.consent;
                    return { ...v, consent: on ? { ...rest, [d.id]: todayInOslo() } : rest };
                  })
                }
              />
              {date !== undefined ? (
                <TextField
                  id={planFieldId(`consent.${d.id}.date`)}
                  label={t.plan.consentDate(d.name)}
                  type="date"
                  value={date}
                  error={error(`consent.${d.id}`)}
                  onChange={(day) => set((v) => ({ ...v, consent: { ...v.consent, [d.id]: day } }))}
                />
              ) : null}
            </div>
          );
        })}
      </fieldset>

      <TextField
        id={planFieldId('nextConversation')}
        label={t.plan.nextConversation}
        type="date"
        value={values.nextConversation}
        error={error('nextConversation')}
        onChange={(nextConversation) => set((v) => ({ ...v, nextConversation }))}
      />
      <NetworkRetry visible={state.networkFailed} onRetry={onSave} />
      <div className="actions">
        <button type="submit" className="ds-button" disabled={state.saving}>
          {t.plan.save}
        </button>
        <button type="button" className="ds-button" data-variant="secondary" onClick={onCancel}>
          {t.cancel}
        </button>
        {state.saving ? <Progress label={t.saving} /> : null}
      </div>
    </form>
  );
}
