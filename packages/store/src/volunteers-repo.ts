import { type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { startingCatalogue } from '@crux/domain/catalogue/starting';
import {
  checkVolunteer,
  type Volunteer,
  type VolunteerCreate,
  type VolunteerListQuery,
  type VolunteerUpdate,
} from '@crux/domain/registers/volunteers';
import type * as z from 'zod/mini';
import { catalogueCheck } from './catalogue-repo';
import type { Page } from './cursor';
import { type Idempotency, type Replay, rememberAnswer } from './idempotency';
import { centreKeys } from './keys';
import { listPage, spanItem, spanUpdate, toRecord } from './register-spans';
import { assertIssued, type TenantScope } from './tenant-scope';
import { type TransactItem, transact } from './transact';

type CatalogueRefused = { kind: 'catalogue_refused'; catalogue: Record<string, unknown> | undefined };

export type VolunteerCreateOutcome = { kind: 'written'; volunteer: Volunteer } | Replay | CatalogueRefused;

/** A correction's answer: what it set. The record's `createdAt` and account are as they were. */
export type CorrectedVolunteer = Omit<Volunteer, 'createdAt' | 'account'>;
export type VolunteerUpdateOutcome =
  | { kind: 'written'; volunteer: CorrectedVolunteer }
  | { kind: 'not_found' }
  | { kind: 'stale'; current: Volunteer }
  | CatalogueRefused;

export type LinkOutcome =
  | { kind: 'linked' }
  | { kind: 'not_found' }
  | { kind: 'already_linked'; current: Volunteer }
  | { kind: 'account_taken' };

/** The item of a volunteer record: the record, its place among the spans, and its dirty marker. */
export const volunteerItem = (scope: TenantScope, v: Volunteer) =>
  spanItem(scope, centreKeys.volunteer(scope, v.id), v);

/** The ConditionCheck that a record's arenas are in the catalogue and in use, returning it if not. */
export function arenasCheck(table: string, arenas: readonly string[]): TransactItem | undefined {
  if (arenas.length === 0) return undefined;
  const check = catalogueCheck(
    table,
    arenas.map((id) => ({ list: 'volunteerArenas' as const, id })),
    checkVolunteer(startingCatalogue, { arenas }).ok,
  );
  if (check.ConditionCheck) check.ConditionCheck.ReturnValuesOnConditionCheckFailure = 'ALL_OLD';
  return check;
}

/**
 * A centre's volunteer records, and the link from a sign-in account to its volunteer: an item keyed by
 * the account's subject, written with the record's `account` in one transaction, so one account is one
 * volunteer and the volunteer's own requests find their record in one read.
 */
export function volunteersRepo(doc: DynamoDBDocumentClient, table: string, scope: TenantScope) {
  assertIssued(scope);
  return {
    async create(
      id: string,
      input: VolunteerCreate,
      now: string,
      idem: Idempotency,
    ): Promise<VolunteerCreateOutcome> {
      const volunteer: Volunteer = {
        ...input,
        id,
        version: 1,
        createdAt: now,
        updatedAt: now,
        updatedBy: scope.subject,
      };
      const check = arenasCheck(table, input.arenas);
      const outcome = await transact(
        doc,
        [
          {
            Put: {
              TableName: table,
              Item: volunteerItem(scope, volunteer),
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          },
          ...(check ? [check] : []),
        ],
        rememberAnswer(table, scope, idem, { status: 201, body: volunteer }),
      );
      if (outcome.kind === 'written') return { kind: 'written', volunteer };
      if (outcome.kind !== 'condition_failed') return outcome;
      if (outcome.index === 1) return { kind: 'catalogue_refused', catalogue: outcome.current };
      throw new Error('volunteer id collision');
    },

    async update(id: string, input: VolunteerUpdate, now: string): Promise<VolunteerUpdateOutcome> {
      const { version, ...fields } = input;
      const check = arenasCheck(table, input.arenas);
      const update = spanUpdate(
        table,
        scope,
        centreKeys.volunteer(scope, id),
        id,
        fields,
        ['contact', 'endDate'],
        version,
        now,
      );
      const outcome = await transact(doc, [{ Update: update }, ...(check ? [check] : [])]);
      if (outcome.kind === 'written')
        return {
          kind: 'written',
          volunteer: { ...fields, id, version: version + 1, updatedAt: now, updatedBy: scope.subject },
        };
      if (outcome.kind !== 'condition_failed')
        throw new Error('volunteer corrections have no idempotency key');
      if (outcome.index === 1) return { kind: 'catalogue_refused', catalogue: outcome.current };
      return outcome.current
        ? { kind: 'stale', current: toRecord<Volunteer>(outcome.current) }
        : { kind: 'not_found' };
    },

    list: (query: z.infer<typeof VolunteerListQuery>): Promise<Page<Volunteer> | 'bad_cursor'> =>
      listPage<Volunteer>(doc, table, scope, centreKeys.volunteerPrefix, query),

    /** Links an account to a record that has none; the account may be linked to no other record. */
    async link(id: string, account: string, now: string): Promise<LinkOutcome> {
      const outcome = await transact(doc, [
        {
          Update: {
            TableName: table,
            Key: centreKeys.volunteer(scope, id),
            UpdateExpression: 'SET account = :account, linkedAt = :now, linkedBy = :by',
            ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(account)',
            ExpressionAttributeValues: { ':account': account, ':now': now, ':by': scope.subject },
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          },
        },
        {
          Put: {
            TableName: table,
            Item: { ...centreKeys.volunteerAccount(scope, account), volunteerId: id, account },
            ConditionExpression: 'attribute_not_exists(PK)',
          },
        },
      ]);
      if (outcome.kind === 'written') return { kind: 'linked' };
      if (outcome.kind !== 'condition_failed') throw new Error('links have no idempotency key');
      if (outcome.index === 1) return { kind: 'account_taken' };
      return outcome.current
        ? { kind: 'already_linked', current: toRecord<Volunteer>(outcome.current) }
        : { kind: 'not_found' };
    },

    /** Takes the link away, if the record is still linked to that account. */
    async unlink(id: string, account: string): Promise<'unlinked' | 'not_found'> {
      const outcome = await transact(doc, [
        {
          Update: {
            TableName: table,
            Key: centreKeys.volunteer(scope, id),
            UpdateExpression: 'REMOVE account, linkedAt, linkedBy',
            ConditionExpression: 'account = :account',
            ExpressionAttributeValues: { ':account': account },
          },
        },
        {
          Delete: {
            TableName: table,
            Key: centreKeys.volunteerAccount(scope, account),
            ConditionExpression: 'volunteerId = :id',
            ExpressionAttributeValues: { ':id': id },
          },
        },
      ]);
      return outcome.kind === 'written' ? 'unlinked' : 'not_found';
    },

    /** The volunteer record an account is linked to, by the account's link: one GetItem. */
    async ofAccount(account: string): Promise<string | undefined> {
      const { Item } = await doc.send(
        new GetCommand({ TableName: table, Key: centreKeys.volunteerAccount(scope, account) }),
      );
      return typeof Item?.volunteerId === 'string' ? Item.volunteerId : undefined;
    },
  };
}
