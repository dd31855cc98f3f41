import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { startingCatalogue } from '@crux/domain/catalogue/starting';
import { type CentreImport, checkImport, type ImportedParticipant } from '@crux/domain/import';
import type { Participant } from '@crux/domain/participant';
import { monthOf } from '@crux/domain/period';
import type { Span } from '@crux/domain/records/spans';
import { isRegisterRecord, registerUses } from '@crux/domain/registers/import';
import { type CatalogueUse, catalogueCheck, entryUses } from './catalogue-repo';
import { markMonthDirty } from './dirty-markers';
import { hoursItem, type OrderDays, orderCheck } from './hours-repo';
import { type Idempotency, type Replay, rememberAnswer } from './idempotency';
import { centreKeys } from './keys';
import { participantItem } from './participants-repo';
import { registerImport, volunteerDaysCheck } from './register-import';
import { assertIssued, type TenantScope } from './tenant-scope';
import { itemsTransactAdds, TRANSACTION_MAX, type TransactItem, transact } from './transact';

/** How many records of each type an import brought in (`volunteerHours`: volunteer-months). */
export type ImportCounts = {
  participants: number;
  entries: number;
  hours: number;
  volunteer: number;
  volunteerHours: number;
  position: number;
  shopMonth: number;
  income: number;
};

/** The answer names the participants' counts always, a register's only when the batch brought some. */
const answered = (counts: ImportCounts) =>
  Object.fromEntries(
    Object.entries(counts).filter(
      ([type, n]) => n > 0 || type === 'participants' || type === 'entries' || type === 'hours',
    ),
  ) as Partial<ImportCounts>;

/**
 * Which part of the transaction refused: a record of the batch (by index), the account a volunteer of
 * the batch links, a named participant or volunteer, the catalogue.
 */
type Part =
  | { what: 'exists'; index: number }
  | { what: 'account'; index: number }
  | { what: 'participant' }
  | { what: 'volunteer' }
  | { what: 'catalogue' }
  | { what: 'marker' };

export type ImportOutcome =
  | { kind: 'written'; imported: Partial<ImportCounts> }
  | Replay
  | { kind: 'too_large'; items: number }
  | { kind: 'refused'; part: Part; current: Record<string, unknown> | undefined };

function spansOf(spans: ImportedParticipant['measures'], now: string): Record<string, Span> {
  return Object.fromEntries(
    (spans ?? []).map(({ id, ...s }) => [id, { ...s, id, version: 1, createdAt: now, updatedAt: now }]),
  );
}

function participantOf(r: ImportedParticipant, now: string): Participant {
  return {
    ...r.body,
    id: r.id,
    version: 1,
    createdAt: now,
    updatedAt: now,
    measures: spansOf(r.measures, now),
    orders: spansOf(r.orders, now),
    ...(r.end ? { endDate: r.end.endDate, outcome: r.end.outcome } : {}),
  };
}

/** Widens an order's days in `days` by one more day of hours. */
function addDay(
  days: Map<string, Map<string, OrderDays>>,
  participantId: string,
  orderId: string,
  date: string,
) {
  const orders = days.get(participantId) ?? new Map<string, OrderDays>();
  const d = orders.get(orderId) ?? { orderId, first: date, last: date };
  orders.set(orderId, {
    orderId,
    first: date < d.first ? date : d.first,
    last: date > d.last ? date : d.last,
  });
  days.set(participantId, orders);
}

/**
 * An import as one transaction: every participant whole (with its measures, orders and end), every entry
 * and day of hours, the dirty markers of the months they touch, a check of each participant a record
 * names that is not in the batch (and, for hours, of its orders' days), one check of everything the batch
 * names in the catalogue, and the remembered answer.
 */
export function importRepo(doc: DynamoDBDocumentClient, table: string, scope: TenantScope) {
  assertIssued(scope);
  return {
    async write(
      batch: CentreImport,
      newId: () => string,
      now: string,
      idem: Idempotency,
    ): Promise<ImportOutcome> {
      const items: TransactItem[] = [];
      const parts: Part[] = [];
      const add = (item: TransactItem, part: Part) => {
        items.push(item);
        parts.push(part);
      };
      const inBatch = new Set(batch.records.flatMap((r) => (r.type === 'participant' ? [r.id] : [])));
      const months = new Set<string>();
      const named = new Set<string>();
      const orderDays = new Map<string, Map<string, OrderDays>>();
      const uses: CatalogueUse[] = [];
      const counts: ImportCounts = {
        participants: 0,
        entries: 0,
        hours: 0,
        volunteer: 0,
        volunteerHours: 0,
        position: 0,
        shopMonth: 0,
        income: 0,
      };
      const batchVolunteers = new Set(batch.records.flatMap((r) => (r.type === 'volunteer' ? [r.id] : [])));
      const volunteerDays = new Map<string, { volunteerId: string; first: string; last: string }>();
      const fresh = 'attribute_not_exists(PK)';
      for (const [index, r] of batch.records.entries()) {
        if (isRegisterRecord(r)) {
          const built = registerImport(scope, r, now);
          for (const [i, Item] of built.items.entries())
            add(
              { Put: { TableName: table, Item, ConditionExpression: fresh } },
              { what: i === built.link ? 'account' : 'exists', index },
            );
          for (const m of built.months) months.add(m);
          uses.push(...registerUses(r));
          const days = built.days;
          if (days && !batchVolunteers.has(days.volunteerId)) {
            const known = volunteerDays.get(days.volunteerId) ?? days;
            volunteerDays.set(days.volunteerId, {
              volunteerId: days.volunteerId,
              first: days.first < known.first ? days.first : known.first,
              last: days.last > known.last ? days.last : known.last,
            });
          }
          counts[r.type]++;
        } else if (r.type === 'participant') {
          const item = participantItem(scope, participantOf(r, now));
          add(
            { Put: { TableName: table, Item: item, ConditionExpression: fresh } },
            { what: 'exists', index },
          );
          for (const m of r.measures ?? []) uses.push({ list: 'measureTypes', id: m.type });
          for (const o of r.orders ?? []) uses.push({ list: 'orderTypes', id: o.type });
          counts.participants++;
        } else if (r.type === 'entry') {
          const { type: _t, date, ...entryItem } = r;
          const entry = {
            ...entryItem,
            id: newId(),
            date,
            version: 1,
            createdAt: now,
            createdBy: scope.subject,
          };
          const item = { ...centreKeys.activity(scope, date, entry.id), ...entry };
          add(
            { Put: { TableName: table, Item: item, ConditionExpression: fresh } },
            { what: 'exists', index },
          );
          uses.push(...entryUses([entryItem]));
          months.add(monthOf(date));
          if (entryItem.participantId && !inBatch.has(entryItem.participantId))
            named.add(entryItem.participantId);
          counts.entries++;
        } else {
          const { type: _t, ...hours } = r;
          const item = hoursItem(scope, { ...hours, createdAt: now, createdBy: scope.subject });
          add(
            { Put: { TableName: table, Item: item, ConditionExpression: fresh } },
            { what: 'exists', index },
          );
          months.add(monthOf(r.date));
          if (!inBatch.has(r.participantId)) addDay(orderDays, r.participantId, r.orderId, r.date);
          counts.hours++;
        }
      }
      for (const m of months) add(markMonthDirty(scope, table, m), { what: 'marker' });
      for (const days of volunteerDays.values())
        add(volunteerDaysCheck(table, scope, days), { what: 'volunteer' });
      // One check a participant: DynamoDB takes each item once in a transaction.
      for (const [participantId, orders] of orderDays) {
        add(orderCheck(table, scope, participantId, [...orders.values()]), { what: 'participant' });
      }
      for (const id of named) {
        if (orderDays.has(id)) continue;
        const check = {
          TableName: table,
          Key: centreKeys.participant(scope, id),
          ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(anonymous)',
        };
        add({ ConditionCheck: check }, { what: 'participant' });
      }
      if (uses.length) {
        const distinct = [
          ...new Map(
            uses.map((u) => [`${u.list}:${u.id}:${u.namesParticipant}:${u.retiredToo}`, u]),
          ).values(),
        ];
        const check = catalogueCheck(table, distinct, checkImport(batch, startingCatalogue).ok);
        if (check.ConditionCheck) check.ConditionCheck.ReturnValuesOnConditionCheckFailure = 'ALL_OLD';
        add(check, { what: 'catalogue' });
      }
      const all = items.length + itemsTransactAdds(true);
      if (all > TRANSACTION_MAX) return { kind: 'too_large', items: all };
      const answer = rememberAnswer(table, scope, idem, {
        status: 201,
        body: { imported: answered(counts) },
      });
      const outcome = await transact(doc, items, answer);
      if (outcome.kind === 'written') return { kind: 'written', imported: answered(counts) };
      if (outcome.kind !== 'condition_failed') return outcome;
      return { kind: 'refused', part: parts[outcome.index] ?? { what: 'marker' }, current: outcome.current };
    },
  };
}
