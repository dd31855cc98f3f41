import type { Plan } from '@crux/domain/wheel/schema';
import { useApp } from '../app-context';
import { formatDate } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import type { Language } from '../i18n/language';
import type { Messages } from '../i18n/messages-nb';
import { ConflictChoices } from './conflict-resolver';
import { useDraft } from './drafts';
import { loadOnce, prefetch } from './load-once';
import { PlanForm } from './plan-form';
import {
  differingParts,
  type PlanPart,
  type PlanValues,
  planBody,
  planValuesOf,
  samePart,
} from './plan-values';
import type { PlanFormProps } from './record-conversation';
import { useSubmitState } from './submit-state';

/**
 * `base` and `version` are what the user started from: the API refuses a save against an older version
 * (409), and the three-way comparison with `base` tells whose change each differing part is.
 */
type PlanDraft = {
  editing: boolean;
  base: PlanValues;
  version: number;
  values: PlanValues;
  conflict: Plan | null;
};

/** The plan's schemas, not loaded with the page (load-once.ts). */
const loadChecks = loadOnce(() => import('./plan-checks'));

type Props = Omit<PlanFormProps, 'onConflict'> & {
  partnerTypes: readonly { id: string; name: string }[];
  /** The user let their changes go after a conflict: the page reads the plan again. */
  onDiscard: () => void;
};

/** A plan part in a line, for choosing between two versions of it. */
function partText(
  part: PlanPart,
  values: PlanValues,
  t: Messages,
  language: Language,
  nameOf: (id: string) => string,
): string {
  const list = (items: string[]) => (items.length ? items.join('; ') : t.plan.none);
  switch (part) {
    case 'goals':
      return list(values.goals.map((g) => g.text));
    case 'steps':
      return list(values.steps.map((s) => (s.done ? `${s.what} (${t.wheel.done})` : s.what)));
    case 'partners':
      return list(values.partners.map((p) => `${p.organisation} (${p.contact})`));
    case 'consent':
      return list(
        Object.entries(values.consent).map(([d, date]) => `${nameOf(d)} ${formatDate(date, language)}`),
      );
    case 'nextConversation':
      return values.nextConversation ? formatDate(values.nextConversation, language) : t.plan.none;
  }
}

/**
 * Staff edit the plan's goals, steps, partners and consent, saved whole through `PUT …/plan` against the
 * version shown. When someone saved first, the parts that differ are offered side by side, as for a
 * participant's details; nothing of theirs is overwritten without a choice.
 */
export function EditPlan(props: Props) {
  const { centre, participantId, plan, domains, partnerTypes, scale, onSaved, onDiscard } = props;
  const { t, language } = useI18n();
  const { api, claims } = useApp();
  const fresh = (): PlanDraft => ({
    editing: false,
    base: planValuesOf(plan),
    version: plan?.version ?? 0,
    values: planValuesOf(plan),
    conflict: null,
  });
  const [draft, update, clear] = useDraft<PlanDraft>(`${claims.sub}:${centre}:plan:${participantId}`, fresh);
  const submit = useSubmitState();
  const path = `/api/centres/${centre}/participants/${participantId}/plan`;
  const nameOf = (id: string) => domains.find((d) => d.id === id)?.name ?? id;

  const done = () => {
    submit.succeed();
    clear();
    onSaved();
  };
  /** `over`: the plan written over, whose scale and positions the body keeps. */
  const put = async (values: PlanValues, version: number, over: Plan | null) => {
    // The catalogue's scale holds the words at its ends too; a plan stores its bounds only.
    const basis = over ?? {
      scale: { min: scale.min, max: scale.max },
      positions: { participant: {}, staff: {} },
    };
    const checks = await loadChecks().catch(() => null);
    // Offline before the first save: the same "not reached, what you filled in is kept" as a lost request.
    if (!checks) return submit.fail({ kind: 'network' });
    const checked = checks.checkBody(checks.PlanUpdate, planBody(values, version, basis));
    if (!checked.ok) return submit.invalid(checked.errors);
    submit.start();
    const result = await api.put<Plan>(path, checked.body);
    if (result.ok) return done();
    const { failure } = result;
    const current =
      failure.kind === 'http' && failure.status === 409 ? (failure.error?.current as Plan) : null;
    if (!current) return submit.fail(failure);
    // A retry of a save whose answer was lost meets its own change: nothing is left to choose.
    if (differingParts(values, planValuesOf(current)).length === 0) return done();
    submit.succeed();
    update((d) => ({ ...d, values, version, conflict: current }));
  };

  if (!draft.editing)
    return (
      <p>
        <button
          type="button"
          className="ds-button"
          data-variant="secondary"
          onClick={() => {
            prefetch(loadChecks)();
            update(() => ({ ...fresh(), editing: true }));
          }}
        >
          {t.plan.edit}
        </button>
      </p>
    );
  if (draft.conflict) {
    const current = draft.conflict;
    const theirs = planValuesOf(current);
    return (
      <ConflictChoices<PlanPart, PlanValues>
        fields={differingParts(draft.values, theirs)}
        base={draft.base}
        mine={draft.values}
        theirs={theirs}
        label={(part) =>
          part === 'consent' ? t.plan.consent : part === 'nextConversation' ? t.wheel.next : t.wheel[part]
        }
        show={(part, values) => partText(part, values, t, language, nameOf)}
        same={samePart}
        title={t.plan.conflictTitle}
        saving={submit.state.saving}
        onDiscard={() => {
          clear();
          onDiscard();
        }}
        onResolve={(values) => {
          const version = current.version;
          update((d) => ({ ...d, base: theirs, version, values, conflict: null }));
          put(values, version, current);
        }}
      />
    );
  }
  return (
    <PlanForm
      values={draft.values}
      domains={domains}
      partnerTypes={partnerTypes}
      state={submit.state}
      onChange={(change) => update((d) => ({ ...d, values: change(d.values) }))}
      onSave={() => put(draft.values, draft.version, plan)}
      onCancel={clear}
    />
  );
}
