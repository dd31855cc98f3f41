import type { Goal, Partner, Plan, PlanUpdate, Positions, ScaleUsed, Step } from '@crux/domain/wheel/schema';

/**
 * The plan as its editor holds it: every optional text as '' (a form field), consent as the days the
 * participant agreed per domain (a domain missing is not shared). Converted to the API's body on save.
 */
export type StepValues = Omit<Step, 'due' | 'done'> & { due: string; done: string };
export type PartnerValues = Omit<Partner, 'phone' | 'email'> & { phone: string; email: string };
export type PlanValues = {
  goals: Goal[];
  steps: StepValues[];
  partners: PartnerValues[];
  consent: Record<string, string>;
  nextConversation: string;
};

/** The parts of the plan a conflict is resolved by: each taken whole, mine or the stored one. */
export const planParts = ['goals', 'steps', 'partners', 'consent', 'nextConversation'] as const;
export type PlanPart = (typeof planParts)[number];

export function planValuesOf(plan: Plan | null): PlanValues {
  return {
    goals: plan?.goals ?? [],
    steps: (plan?.steps ?? []).map((s) => ({ ...s, due: s.due ?? '', done: s.done ?? '' })),
    partners: (plan?.partners ?? []).map((p) => ({ ...p, phone: p.phone ?? '', email: p.email ?? '' })),
    consent: plan?.consent ?? {},
    nextConversation: plan?.nextConversation ?? '',
  };
}

const optional = <K extends string>(key: K, value: string) =>
  (value.trim() ? { [key]: value.trim() } : {}) as Partial<Record<K, string>>;

/**
 * The body of `PUT …/plan`: the editor's parts, with the scale and positions of the plan it is written
 * over (a conversation recorded meanwhile keeps its positions; this editor never sets them).
 */
export function planBody(
  values: PlanValues,
  version: number,
  basis: { scale: ScaleUsed; positions: Positions },
): PlanUpdate {
  return {
    version,
    scale: basis.scale,
    positions: basis.positions,
    goals: values.goals,
    steps: values.steps.map(({ due, done, ...s }) => ({
      ...s,
      ...optional('due', due),
      ...optional('done', done),
    })),
    partners: values.partners.map(({ phone, email, ...p }) => ({
      ...p,
      ...optional('phone', phone),
      ...optional('email', email),
    })),
    consent: values.consent,
    ...optional('nextConversation', values.nextConversation),
  };
}

export const samePart = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The parts where what the user wants and what is stored differ. */
export function differingParts(mine: PlanValues, theirs: PlanValues): PlanPart[] {
  return planParts.filter((p) => !samePart(mine[p], theirs[p]));
}

/** A field's id in the editor from the API's dotted path: `goals.0.text` is `plan-goals-0-text`. */
export const planFieldId = (path: string) => `plan-${path.replaceAll('.', '-')}`;
