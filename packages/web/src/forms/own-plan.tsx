import type { Text } from '@crux/domain/text';
import type { Goal, Plan } from '@crux/domain/wheel/schema';
import { type FormEvent, useState } from 'react';
import { useApp } from '../app-context';
import { useI18n } from '../i18n/i18n';
import { en } from '../i18n/messages-en';
import { nb } from '../i18n/messages-nb';
import { ErrorSummary } from '../ui/error-summary';
import { SelectField } from '../ui/fields';
import { Alert, Progress } from '../ui/status';
import { useDraft } from './drafts';
import { GoalFields } from './goal-fields';
import { loadOnce, prefetch } from './load-once';
import { NetworkRetry } from './network-retry';
import { planFieldId, samePart } from './plan-values';
import { asPositions, asText, type PlanFormProps, scaleOptions } from './record-conversation';
import { useSubmitState } from './submit-state';

/** What the participant writes of the plan: their own view of where they are, and their goals. */
type OwnParts = { positions: Record<string, string>; goals: Goal[] };
/**
 * `version` and `base`: the plan's version and its own parts when the participant started. A save is
 * made against the plan shown now when its own parts are still `base` (a step marked done meanwhile
 * changes nothing they write), else against `version`, which the API refuses (409): nothing of
 * anyone else's is overwritten unseen.
 */
type OwnDraft = OwnParts & { version: number; base: OwnParts };

const ownParts = (plan: Plan | null): OwnParts => ({
  positions: asText(plan?.positions.participant),
  goals: plan?.goals ?? [],
});

const signInOff: Text = { nb: nb.ownPlan.signInOff, en: en.ownPlan.signInOff };
const positionId = (domain: string) => `own-positions-${domain}`;

/**
 * The participant's own part of the plan (*brukermedvirkning*), written before a conversation: where
 * they are now as they see it, and their goals in their own words; `PUT …/plan/own`, nothing else of
 * the plan. When the plan moved on meanwhile, what they wrote stays in the form and the page shows the
 * stored plan, so they can look it over and save again against it.
 */
/** The plan's schemas, not loaded with the page (load-once.ts). */
const loadChecks = loadOnce(() => import('./plan-checks'));

export function OwnPlan({ centre, participantId, plan, domains, scale, onSaved, onConflict }: PlanFormProps) {
  const { t } = useI18n();
  const { api, claims } = useApp();
  const [draft, update, clear] = useDraft<OwnDraft>(
    `${claims.sub}:${centre}:own-plan:${participantId}`,
    () => ({ version: plan?.version ?? 0, base: ownParts(plan), ...ownParts(plan) }),
  );
  const submit = useSubmitState();
  const [conflicted, setConflicted] = useState(false);
  const { state } = submit;
  const fieldIds = Object.fromEntries(
    Object.keys(state.errors).map((path) => {
      const domain = /^positions\.(.+)$/.exec(path)?.[1];
      return [path, domain ? positionId(domain) : planFieldId(path)];
    }),
  );

  const save = async () => {
    setConflicted(false);
    const unchanged = plan !== null && samePart(ownParts(plan), draft.base);
    const body = {
      version: unchanged ? plan.version : draft.version,
      scale: { min: scale.min, max: scale.max },
      positions: asPositions(draft.positions),
      goals: draft.goals,
    };
    const checks = await loadChecks().catch(() => null);
    // Offline before the first save: the same "not reached, what you filled in is kept" as a lost request.
    if (!checks) return submit.fail({ kind: 'network' });
    const checked = checks.checkBody(checks.OwnPlanUpdate, body);
    if (!checked.ok) return submit.invalid(checked.errors);
    submit.start();
    const result = await api.put<Plan>(
      `/api/centres/${centre}/participants/${participantId}/plan/own`,
      checked.body,
    );
    if (result.ok) {
      submit.succeed();
      clear();
      return onSaved();
    }
    const { failure } = result;
    if (failure.kind === 'http' && failure.status === 409) {
      const current = failure.error?.current as Plan | null | undefined;
      submit.succeed();
      setConflicted(true);
      // What they wrote stays; the next save is made over the plan they have now been shown.
      if (current) update((d) => ({ ...d, version: current.version, base: ownParts(current) }));
      return onConflict();
    }
    if (failure.kind === 'http' && failure.status === 403) return submit.invalid({}, signInOff);
    submit.fail(failure);
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save();
  };

  return (
    <form
      onSubmit={onSubmit}
      onFocus={prefetch(loadChecks)}
      noValidate
      className="stack"
      aria-labelledby="own-plan-title"
    >
      <h2 className="ds-heading" data-size="md" id="own-plan-title">
        {t.ownPlan.title}
      </h2>
      <p>{t.ownPlan.intro}</p>
      {conflicted ? <Alert>{t.wheel.conflict}</Alert> : null}
      <ErrorSummary
        errors={state.errors}
        fieldIds={fieldIds}
        attempt={state.attempt}
        extra={state.formError}
      />
      <fieldset className="ds-fieldset positions">
        <legend className="ds-label">{t.ownPlan.positions}</legend>
        {domains.map((domain) => (
          <SelectField
            key={domain.id}
            id={positionId(domain.id)}
            label={domain.name}
            value={draft.positions[domain.id] ?? ''}
            error={state.errors[`positions.${domain.id}`]}
            options={scaleOptions(scale, t.wheel.notSet)}
            onChange={(value) => update((d) => ({ ...d, positions: { ...d.positions, [domain.id]: value } }))}
          />
        ))}
      </fieldset>
      <h3 className="ds-heading" data-size="sm">
        {t.ownPlan.goals}
      </h3>
      <GoalFields
        goals={draft.goals}
        domains={domains}
        errors={state.errors}
        onChange={(change) => update((d) => ({ ...d, goals: change(d.goals) }))}
      />
      <NetworkRetry visible={state.networkFailed} onRetry={save} />
      <div className="actions">
        <button type="submit" className="ds-button" disabled={state.saving}>
          {t.ownPlan.save}
        </button>
        {state.saving ? <Progress label={t.saving} /> : null}
      </div>
    </form>
  );
}
