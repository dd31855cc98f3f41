import type { DomainPositions, Goal, Partner, Plan, Step } from './schema';

/** What of a plan a partner may see: only the domains the participant agreed to share. */
export type SharedPlan = {
  /** The shared domains, each with the day the participant agreed. */
  consent: Plan['consent'];
  /** Where the participant is now, in their own view, on the shared domains. */
  positions: DomainPositions;
  goals: Goal[];
  steps: Step[];
  /** Partners working on a shared domain, with only the shared ones of their domains. */
  partners: Partner[];
};

/**
 * The plan for partners (a transition to another service): everything of a domain without consent is
 * left out, so nothing the participant did not agree to share reaches the printout.
 */
export function sharedWithPartners(plan: Plan): SharedPlan {
  const shared = (domain: string) => Object.hasOwn(plan.consent, domain);
  return {
    consent: plan.consent,
    positions: Object.fromEntries(Object.entries(plan.positions.participant).filter(([d]) => shared(d))),
    goals: plan.goals.filter((g) => shared(g.domain)),
    steps: plan.steps.filter((s) => shared(s.domain)),
    partners: plan.partners
      .filter((p) => p.domains.some(shared))
      .map((p) => ({ ...p, domains: p.domains.filter(shared) })),
  };
}
