import type { Catalogue } from '../catalogue/lists';
import { type FieldError, fail, ok, type Result } from '../errors';
import { catalogueRefErrors } from '../records/catalogue-ref';
import * as rules from '../rules';
import { fieldError, validationError } from '../validation';
import type {
  ConversationCreate,
  DomainPositions,
  OwnPlanUpdate,
  PlanUpdate,
  Positions,
  ScaleUsed,
} from './schema';

/** What a plan or a conversation names of the catalogue: its domains and partner types, and its scale. */
export type WheelUses = {
  domains: { id: string; field: string }[];
  partnerTypes: { id: string; field: string }[];
  scale: ScaleUsed;
};

const domainsOf = (positions: DomainPositions, at: string) =>
  Object.keys(positions).map((id) => ({ id, field: `${at}.${id}` }));

const bothViews = (positions: Positions) => [
  ...domainsOf(positions.participant, 'positions.participant'),
  ...domainsOf(positions.staff, 'positions.staff'),
];

/** The catalogue uses of a plan as staff write it. */
export function planUses(plan: PlanUpdate): WheelUses {
  return {
    scale: plan.scale,
    domains: [
      ...bothViews(plan.positions),
      ...plan.goals.map((g, i) => ({ id: g.domain, field: `goals.${i}.domain` })),
      ...plan.steps.map((s, i) => ({ id: s.domain, field: `steps.${i}.domain` })),
      ...plan.partners.flatMap((p, i) =>
        p.domains.map((d, j) => ({ id: d, field: `partners.${i}.domains.${j}` })),
      ),
      ...Object.keys(plan.consent).map((id) => ({ id, field: `consent.${id}` })),
    ],
    partnerTypes: plan.partners.map((p, i) => ({ id: p.type, field: `partners.${i}.type` })),
  };
}

/** The catalogue uses of what the participant writes themselves. */
export function ownPlanUses(own: OwnPlanUpdate): WheelUses {
  return {
    scale: own.scale,
    domains: [
      ...domainsOf(own.positions, 'positions'),
      ...own.goals.map((g, i) => ({ id: g.domain, field: `goals.${i}.domain` })),
    ],
    partnerTypes: [],
  };
}

/** The catalogue uses of a conversation (or its correction). */
export function conversationUses(conversation: Pick<ConversationCreate, 'scale' | 'positions'>): WheelUses {
  return { scale: conversation.scale, domains: bothViews(conversation.positions), partnerTypes: [] };
}

/**
 * The uses against the catalogue: every domain and partner type in it and in use, and the scale the
 * positions were given on still the catalogue's. Each error at the field that names it.
 */
export function checkWheelUses<T>(catalogue: Catalogue, uses: WheelUses, value: T): Result<T> {
  const fields: FieldError[] = [];
  const scale = catalogue.settings.wheelScale;
  if (scale.min !== uses.scale.min || scale.max !== uses.scale.max)
    fields.push(...(fieldError('scale', rules.scaleChanged).fields ?? []));
  for (const d of uses.domains) fields.push(...catalogueRefErrors(catalogue, 'wheelDomains', d.id, d.field));
  for (const p of uses.partnerTypes)
    fields.push(...catalogueRefErrors(catalogue, 'partnerTypes', p.id, p.field));
  return fields.length ? fail(validationError(fields)) : ok(value);
}

/** The distinct entries of each list the uses name, for the write's own catalogue check. */
export function distinctUses(uses: WheelUses): { list: 'wheelDomains' | 'partnerTypes'; id: string }[] {
  return [
    ...[...new Set(uses.domains.map((d) => d.id))].map((id) => ({ list: 'wheelDomains' as const, id })),
    ...[...new Set(uses.partnerTypes.map((p) => p.id))].map((id) => ({ list: 'partnerTypes' as const, id })),
  ];
}
