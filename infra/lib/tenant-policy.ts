import { catalogueKeys, questionnaireKeys } from '@crux/store/keys';
import { accessLogKeys, accessLogPartitions } from '@crux/store/log-keys';

/**
 * Which items of the table each principal may reach, as plain IAM JSON so the tests can compare it whole.
 * DynamoDB Local does not enforce IAM; these documents are the layer that holds in AWS even if the code
 * above them has a bug.
 */

export type Statement = {
  Sid: string;
  Effect: 'Allow' | 'Deny';
  Action: string[];
  Resource: string[];
  Condition?: Record<string, Record<string, string | string[]>>;
};
export type PolicyJson = { Version: '2012-10-17'; Statement: Statement[] };

/** The session tag the centre API sets from the verified access token when it assumes the tenant role. */
export const tenantTagKey = 'centre';

const tagVariable = `\${aws:PrincipalTag/${tenantTagKey}}`;

/**
 * `C#<centre>` and `C#<centre>#…`, nothing else: the delimiter in the second pattern is why `ovre` never
 * reaches `ovre-eiker`. STS refuses `*`, `?` and `#` in tag values, so the tag cannot widen the pattern.
 */
export const tenantLeadingKeys = [`C#${tagVariable}`, `C#${tagVariable}#*`];

/** Reading and changing items one by one and in transactions. No Scan: a Scan has no leading key to check. */
export const tenantActions = [
  'dynamodb:BatchGetItem',
  'dynamodb:ConditionCheckItem',
  'dynamodb:DeleteItem',
  'dynamodb:GetItem',
  'dynamodb:PutItem',
  'dynamodb:Query',
  'dynamodb:UpdateItem',
];

/** The table and each named index: listing them avoids an `index/*` wildcard. */
export function tableResources(tableArn: string, indexNames: readonly string[]): string[] {
  return [tableArn, ...indexNames.map((name) => `${tableArn}/index/${name}`)];
}

/**
 * Allow `actions` only on items whose partition key matches `leadingKeys`. The `Null` guard matters:
 * without it, a request that carries no leading key at all would pass `ForAllValues` vacuously.
 */
export function leadingKeysStatement(
  sid: string,
  actions: readonly string[],
  resources: readonly string[],
  leadingKeys: readonly string[],
): Statement {
  return {
    Sid: sid,
    Effect: 'Allow',
    Action: [...actions],
    Resource: [...resources],
    Condition: {
      'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [...leadingKeys] },
      Null: { 'dynamodb:LeadingKeys': 'false' },
    },
  };
}

export const policy = (...statements: Statement[]): PolicyJson => ({
  Version: '2012-10-17',
  Statement: statements,
});

/**
 * Refuses `actions` on any request that touches an access-log partition (`C#<centre>#LOG`, or a
 * participant's log on GSI1, `C#<centre>#P#<ref>#LOG`), whatever else allows them: a Deny wins over every
 * Allow. Only the retention job's role has none. `indexNames`: the indexes a role may otherwise read, on
 * which the Deny holds too (a Query of an index is a request on the index's resource).
 */
export function accessLogDeny(
  sid: string,
  actions: readonly string[],
  tableArn: string,
  indexNames: readonly string[] = [],
): Statement {
  return {
    Sid: sid,
    Effect: 'Deny',
    // Sorted, as CDK writes them.
    Action: [...actions].sort(),
    Resource: tableResources(tableArn, indexNames),
    Condition: { 'ForAnyValue:StringLike': { 'dynamodb:LeadingKeys': [accessLogPartitions] } },
  };
}

/** What changes an item: a log entry is never changed or deleted but by the retention job. */
export const changeActions = ['dynamodb:BatchWriteItem', 'dynamodb:DeleteItem', 'dynamodb:UpdateItem'];

/**
 * The tenant role's permissions: its own centre's items, on the table and its indexes; and the
 * catalogue's one item and the survey's questionnaire, to check (never to read or change) that what a
 * write names is in use or published. In its centre's access log it may only add entries (PutItem, its
 * keys unguessable): it can neither read an entry, so it never learns a key to overwrite, nor change or
 * delete one.
 */
export function tenantPolicy(tableArn: string, indexNames: readonly string[]): PolicyJson {
  return policy(
    leadingKeysStatement(
      'OwnCentreItemsOnly',
      tenantActions,
      tableResources(tableArn, indexNames),
      tenantLeadingKeys,
    ),
    leadingKeysStatement(
      'CatalogueCheckOnly',
      ['dynamodb:ConditionCheckItem'],
      [tableArn],
      [catalogueKeys.pk, questionnaireKeys.pk],
    ),
    accessLogDeny(
      'AccessLogAddOnly',
      [...changeActions, 'dynamodb:BatchGetItem', 'dynamodb:GetItem', 'dynamodb:Query'],
      tableArn,
      indexNames,
    ),
  );
}

/**
 * The leader's view of the access log: reading its own centre's log, and each of its participants' logs
 * on `personIndex` (keys.ts, `accessLogKeys.personPk`), and the catalogue that sets its retention.
 */
export function logReaderPolicy(tableArn: string, personIndex: string): PolicyJson {
  return policy(
    leadingKeysStatement(
      'OwnCentreAccessLogReadOnly',
      ['dynamodb:GetItem', 'dynamodb:Query'],
      [tableArn],
      [accessLogKeys.pk({ centre: tagVariable })],
    ),
    leadingKeysStatement(
      'OwnParticipantsAccessLogReadOnly',
      ['dynamodb:Query'],
      [`${tableArn}/index/${personIndex}`],
      [accessLogKeys.personPk({ centre: tagVariable }, '*')],
    ),
    // The log's retention is a foundation setting in the catalogue (privacy-api/privacy.ts reads it with
    // these credentials): without this the report and the export are refused in AWS.
    leadingKeysStatement('CatalogueReadOnly', ['dynamodb:GetItem'], [tableArn], [catalogueKeys.pk]),
  );
}

/**
 * Conditions on the tenant role's trust: the caller must tag the session with `centre`, and with nothing
 * else, so the tag the policy reads is always the one the centre API set from the token.
 */
export const tenantTrustConditions = {
  Null: { [`aws:RequestTag/${tenantTagKey}`]: 'false' },
  'ForAllValues:StringEquals': { 'aws:TagKeys': [tenantTagKey] },
};

export type KeyUse = 'read' | 'readWrite';

/**
 * Use of the table's KMS key, only through DynamoDB in this region: the role cannot decrypt anything
 * with the key directly. Readers need Decrypt; writers also Encrypt and GenerateDataKey.
 */
export function tableKeyStatement(keyArn: string, region: string, use: KeyUse): Statement {
  const read = ['kms:Decrypt', 'kms:DescribeKey'];
  const write = ['kms:Encrypt', 'kms:GenerateDataKey'];
  return {
    Sid: 'TableKeyViaDynamoDb',
    Effect: 'Allow',
    Action: use === 'read' ? read : [...read, ...write],
    Resource: [keyArn],
    Condition: { StringEquals: { 'kms:ViaService': `dynamodb.${region}.amazonaws.com` } },
  };
}
