import { createHash } from 'node:crypto';
import { type DynamoDBDocumentClient, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { ActivityItem } from '@crux/domain/activity';
import type { CatalogueHistoryRecord } from '@crux/domain/catalogue/change';
import type { Catalogue, CatalogueListName } from '@crux/domain/catalogue/lists';
import type { StoredCatalogue } from '@crux/domain/catalogue/request';
import { startingCatalogue } from '@crux/domain/catalogue/starting';
import { storedBeforeUpgrade, upgradeCatalogue } from '@crux/domain/catalogue/upgrade';
import { type Idempotency, type Replay, rememberAnswer } from './idempotency';
import { catalogueKeys } from './keys';
import { queryPrefix } from './query-all';
import { type TransactItem, transact } from './transact';

/**
 * The foundation's catalogue (what centres register: activity kinds, measure and order types, …) as one
 * item, `CATALOGUE / CURRENT`, read in one request. Until the platform admin first changes it, the
 * starting catalogue that ships with the platform is the catalogue.
 *
 * Beside the document the item carries, per list, a map of each entry's status (and, for kinds, its
 * participant rule): a write that names a kind checks it against these in its own transaction (a
 * ConditionCheck), so the catalogue costs no request of its own and no cache can be stale. And `used`:
 * the entries the figures job has counted something under, so that an entry with history is never
 * removed and a kind's counting rule never changes under its history.
 */
export type { StoredCatalogue };

/** The document's fingerprint: a change names it, so it is applied to exactly the catalogue it was made on. */
export function catalogueHash(catalogue: object): string {
  return createHash('sha256').update(JSON.stringify(catalogue)).digest('base64url');
}

const starting: StoredCatalogue = { catalogue: startingCatalogue, hash: catalogueHash(startingCatalogue) };

type Rules = Record<string, { status: string; participant?: string; registration?: string }>;
type RuleMap = (typeof ruleMaps)[keyof typeof ruleMaps];

/** The lists a write may name, each with the attribute its entries' rules are kept in beside the document. */
const ruleMaps = {
  activityKinds: 'kinds',
  measureTypes: 'measureTypes',
  orderTypes: 'orderTypes',
  wheelDomains: 'wheelDomains',
  partnerTypes: 'partnerTypes',
  volunteerArenas: 'volunteerArenas',
  incomeSources: 'incomeSources',
} as const;
type RuleList = keyof typeof ruleMaps;

function rulesOf(catalogue: Catalogue): Record<RuleMap, Rules> {
  const map = (
    entries: readonly { id: string; status: string; participant?: string; registration?: string }[],
  ) =>
    Object.fromEntries(
      entries.map((e) => [
        e.id,
        {
          status: e.status,
          ...(e.participant ? { participant: e.participant } : {}),
          ...(e.registration ? { registration: e.registration } : {}),
        },
      ]),
    );
  return Object.fromEntries(
    Object.entries(ruleMaps).map(([list, attribute]) => [attribute, map(catalogue[list as RuleList])]),
  ) as Record<RuleMap, Rules>;
}

/** One attribute per used entry, beside the document: set by the job, read only by change conditions. */
const usedAttribute = (list: CatalogueListName, id: string) => `used#${list}#${id}`;

/**
 * A ConditionCheck, for a write's own transaction, that the named kinds (or measure or order types, wheel
 * domains, partner types, arenas, income sources) are in the catalogue, in use, and named as each kind
 * says; `daily`: a kind registered on *I dag*, not one counted from the plans. `valid` tells whether they
 * are so in the starting catalogue, which is the catalogue while none is stored, and the list's while the
 * stored one predates it. `scale`: positions given on this scale, which must still be the catalogue's.
 */
export type CatalogueUse = {
  list: RuleList;
  id: string;
  namesParticipant?: boolean;
  daily?: boolean;
  /** A correction of what was registered before may name a retired entry: it need only exist. */
  retiredToo?: boolean;
};

export function catalogueCheck(
  table: string,
  uses: readonly CatalogueUse[],
  validInStarting: boolean,
  scale?: { min: number; max: number },
): TransactItem {
  // DynamoDB refuses a name or value the expression does not use: each is added where it is.
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const active = (entry: string) => {
    names['#status'] = 'status';
    values[':active'] = 'active';
    return `${entry}.#status = :active`;
  };
  const terms = uses.flatMap((use, i) => {
    names[`#e${i}`] = use.id;
    names[`#l${i}`] = ruleMaps[use.list];
    const entry = `#l${i}.#e${i}`;
    if (use.retiredToo) return [`attribute_exists(${entry})`];
    const own = [active(entry)];
    if (use.daily) {
      names['#reg'] = 'registration';
      own.push(`attribute_not_exists(${entry}.#reg)`);
    }
    if (use.namesParticipant === undefined) return own;
    values[`:no${i}`] = use.namesParticipant ? 'mustNot' : 'must';
    names['#p'] = 'participant';
    return [...own, `${entry}.#p <> :no${i}`];
  });
  if (scale) {
    Object.assign(names, {
      '#doc': 'catalogue',
      '#set': 'settings',
      '#ws': 'wheelScale',
      '#min': 'min',
      '#max': 'max',
    });
    Object.assign(values, { ':smin': scale.min, ':smax': scale.max });
    terms.push('#doc.#set.#ws.#min = :smin', '#doc.#set.#ws.#max = :smax');
  }
  // DynamoDB refuses parentheses it finds redundant: a single comparison is never wrapped.
  const rules = terms.join(' AND ');
  const grouped = terms.length > 1 ? `(${rules})` : rules;
  // While no catalogue is stored, or the stored one predates a list, the starting catalogue's holds.
  const lists = [...new Set(uses.map((u) => ruleMaps[u.list]))];
  if (validInStarting) {
    names['#hash'] = 'hash';
    for (const l of lists) names[`#${l}`] = l;
  }
  const absent = ['#hash', ...lists.map((l) => `#${l}`)].map((n) => `attribute_not_exists(${n}) OR `);
  return {
    ConditionCheck: {
      TableName: table,
      Key: catalogueKeys.current,
      ConditionExpression: validInStarting ? `${absent.join('')}${grouped}` : rules,
      ExpressionAttributeNames: names,
      ...(Object.keys(values).length ? { ExpressionAttributeValues: values } : {}),
    },
  };
}

/** What entries use of the catalogue: each distinct kind once, with whether it names a participant. */
export function entryUses(entries: readonly ActivityItem[], daily = false): CatalogueUse[] {
  const uses = new Map<string, CatalogueUse>();
  for (const e of entries) {
    const namesParticipant = e.participantId !== undefined;
    uses.set(`${e.kind}:${namesParticipant}`, {
      list: 'activityKinds',
      id: e.kind,
      namesParticipant,
      ...(daily ? { daily } : {}),
    });
  }
  return [...uses.values()];
}

/**
 * The catalogue check of a save of entries on *I dag*: each distinct kind once, with whether it names a
 * participant, and none that is counted from the plans.
 */
export function entriesCheck(
  table: string,
  entries: readonly ActivityItem[],
  validInStarting: boolean,
): TransactItem {
  return catalogueCheck(table, entryUses(entries, true), validInStarting);
}

export type ChangeOutcome =
  | { kind: 'written'; stored: StoredCatalogue }
  | Replay
  | { kind: 'stale'; current: StoredCatalogue }
  | { kind: 'has_history' };

export function catalogueRepo(doc: DynamoDBDocumentClient, table: string) {
  return {
    /** The catalogue now: one GetItem (the starting catalogue while none is stored). */
    async current(): Promise<StoredCatalogue> {
      const { Item } = await doc.send(new GetCommand({ TableName: table, Key: catalogueKeys.current }));
      // The item may hold only the job's `used` marks before the admin's first change.
      if (!Item || typeof Item.hash !== 'string') return starting;
      return { catalogue: upgradeCatalogue(Item.catalogue as Catalogue), hash: String(Item.hash) };
    },

    /** Every change, newest first: who, when, what before and after. */
    async history(): Promise<CatalogueHistoryRecord[]> {
      const items = await queryPrefix(doc, table, catalogueKeys.pk, catalogueKeys.historyPrefix);
      return items.map((i) => i.record as CatalogueHistoryRecord).reverse();
    },

    /**
     * Stores a changed catalogue, applied by the caller to `base`, in one transaction: the new document
     * (only if the stored one is still `base`, by its fingerprint), its history record, and the remembered
     * answer. `guarded` names the entries the change removes or whose counting rule it changes: refused
     * if the figures job has counted anything under them.
     */
    async change(
      base: StoredCatalogue,
      next: Catalogue,
      record: CatalogueHistoryRecord,
      guarded: readonly { list: CatalogueListName; id: string }[],
      idem: Idempotency,
    ): Promise<ChangeOutcome> {
      const stored: StoredCatalogue = { catalogue: next, hash: catalogueHash(next) };
      const names: Record<string, string> = { '#hash': 'hash' };
      const unused = guarded.map((g, i) => {
        names[`#g${i}`] = usedAttribute(g.list, g.id);
        return `attribute_not_exists(#g${i})`;
      });
      const legacy = storedBeforeUpgrade(base.catalogue);
      const legacyHash = legacy && catalogueHash(legacy);
      const sameBase = [
        ...(base.hash === starting.hash ? ['attribute_not_exists(#hash)'] : []),
        '#hash = :base',
        ...(legacy ? ['#hash = :legacy'] : []),
      ];
      const outcome = await transact(
        doc,
        [
          {
            Update: {
              TableName: table,
              Key: catalogueKeys.current,
              UpdateExpression: `SET catalogue = :doc, #hash = :hash, version = :version, ${Object.values(
                ruleMaps,
              )
                .map((r) => `${r} = :${r}`)
                .join(', ')}`,
              // DynamoDB refuses parentheses it finds redundant: one comparison is never wrapped.
              ConditionExpression: [
                sameBase.length > 1 ? `(${sameBase.join(' OR ')})` : sameBase.join(''),
                ...unused,
              ].join(' AND '),
              ExpressionAttributeNames: names,
              ExpressionAttributeValues: {
                ':doc': next,
                ':hash': stored.hash,
                ':version': next.version,
                ':base': base.hash,
                ...(legacyHash ? { ':legacy': legacyHash } : {}),
                ...Object.fromEntries(Object.entries(rulesOf(next)).map(([r, rules]) => [`:${r}`, rules])),
              },
              ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
            },
          },
          {
            Put: {
              TableName: table,
              Item: { ...catalogueKeys.history(next.version), record },
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          },
        ],
        rememberAnswer(table, 'admin', idem, { status: 200, body: stored }),
      );
      if (outcome.kind === 'written') return { kind: 'written', stored };
      if (outcome.kind !== 'condition_failed') return outcome;
      const now = outcome.current;
      const current =
        now && typeof now.hash === 'string'
          ? { catalogue: upgradeCatalogue(now.catalogue as Catalogue), hash: now.hash }
          : starting;
      const seen = current.hash === base.hash || current.hash === legacyHash;
      if (outcome.index === 0 && seen) return { kind: 'has_history' };
      return { kind: 'stale', current };
    },

    /** The figures job marks what it has counted something under: those entries keep their history. */
    async markUsed(entries: readonly { list: CatalogueListName; id: string }[]): Promise<void> {
      if (entries.length === 0) return;
      const names = Object.fromEntries(entries.map((e, i) => [`#u${i}`, usedAttribute(e.list, e.id)]));
      await doc.send(
        new UpdateCommand({
          TableName: table,
          Key: catalogueKeys.current,
          UpdateExpression: `SET ${entries.map((_, i) => `#u${i} = :true`).join(', ')}`,
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: { ':true': true },
        }),
      );
    },
  };
}
