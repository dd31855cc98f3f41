import {
  accountsPolicy,
  adminPolicy,
  catalogueReadPolicy,
  figuresJobPolicy,
  headOfficePolicy,
  networkPolicy,
  preTokenPolicy,
  privacyPolicy,
  retentionJobPolicy,
} from '@crux/infra/function-policies';
import { logExportPolicy } from '@crux/infra/log-export-policy';
import { logReaderPolicy, type PolicyJson, type Statement, tenantPolicy } from '@crux/infra/tenant-policy';
import { personLogIndex } from '@crux/store/access-log-index';
import { catalogueKeys, centreKeys, jobKeys } from '@crux/store/keys';
import { accessLogKeys, logRef } from '@crux/store/log-keys';
import { issueTenantScope } from '@crux/store/tenant-scope';
import { describe, expect, it } from 'vitest';

/**
 * No role, and no function's credentials but the retention job's, can change or delete an access-log
 * entry (Normen, issue 11); the tenant role may add entries to its own centre's log and not read them; the
 * log reader reads its own centre's log and nothing else. Checked by evaluating each policy document as
 * IAM would for one request on one leading key: an explicit Deny wins, else some Allow must match.
 */
const tableArn = 'arn:aws:dynamodb:eu-north-1:111122223333:table/crux';
const indexes = ['GSI1', 'GSI2'];
// biome-ignore lint/suspicious/noTemplateCurlyInString: an IAM policy variable, not a JavaScript template
const centreTag = '${aws:PrincipalTag/centre}';

function like(pattern: string, value: string, centre: string): boolean {
  const regex = pattern
    .replaceAll(centreTag, centre)
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${regex}$`).test(value);
}

function matches(s: Statement, action: string, key: string, centre: string, resource: string): boolean {
  if (!s.Action.includes(action) || !s.Resource.includes(resource)) return false;
  const all = s.Condition?.['ForAllValues:StringLike']?.['dynamodb:LeadingKeys'];
  const any = s.Condition?.['ForAnyValue:StringLike']?.['dynamodb:LeadingKeys'];
  const eq = s.Condition?.['ForAllValues:StringEquals']?.['dynamodb:LeadingKeys'];
  if (all) return [all].flat().some((p) => like(p, key, centre));
  if (any) return [any].flat().some((p) => like(p, key, centre));
  if (eq) return [eq].flat().includes(key);
  return true;
}

/**
 * Whether the policy lets a session tagged with `centre` do `action` on the partition `key`, of the table
 * or, with `index`, of that index.
 */
function allows(policy: PolicyJson, action: string, key: string, centre = 'tromso', index?: string): boolean {
  const resource = index ? `${tableArn}/index/${index}` : tableArn;
  const hit = policy.Statement.filter((s) => matches(s, action, key, centre, resource));
  return hit.some((s) => s.Effect === 'Allow') && !hit.some((s) => s.Effect === 'Deny');
}

const principals: Record<string, PolicyJson> = {
  tenant: tenantPolicy(tableArn, indexes),
  logReader: logReaderPolicy(tableArn, personLogIndex.name),
  admin: adminPolicy(tableArn),
  accounts: accountsPolicy(tableArn),
  privacy: privacyPolicy(tableArn),
  headoffice: headOfficePolicy(tableArn),
  network: networkPolicy(tableArn),
  catalogue: catalogueReadPolicy(tableArn),
  preToken: preTokenPolicy(tableArn),
  figuresJob: figuresJobPolicy(tableArn, indexes),
  retentionJob: retentionJobPolicy(tableArn, indexes),
  logExport: logExportPolicy(tableArn, 'GSI2', 'arn:aws:s3:::crux-log-archive'),
};
const changes = ['dynamodb:DeleteItem', 'dynamodb:UpdateItem', 'dynamodb:BatchWriteItem'];
const tromso = issueTenantScope('tromso', 'staff', 'u');
const log = accessLogKeys.pk(tromso);
/** One participant's log, on its index. */
const personLog = accessLogKeys.personPk(tromso, logRef('tromso', 'participant', 'p1'));

describe('the access log in IAM', () => {
  it.each(Object.entries(principals))(
    '%s: may change or delete a log entry only if it is the retention job',
    (name, policy) => {
      for (const action of changes)
        expect(allows(policy, action, log), `${name} ${action}`).toBe(name === 'retentionJob');
    },
  );

  it('the tenant role adds entries to its own centre log only, and reads none', () => {
    const tenant = principals.tenant as PolicyJson;
    expect(allows(tenant, 'dynamodb:PutItem', log)).toBe(true);
    expect(allows(tenant, 'dynamodb:PutItem', accessLogKeys.pk({ centre: 'bodo' }))).toBe(false);
    for (const read of ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:BatchGetItem'])
      expect(allows(tenant, read, log), read).toBe(false);
    // Nor a participant's log on its index, which its own-centre keys would otherwise reach.
    expect(allows(tenant, 'dynamodb:Query', personLog, 'tromso', personLogIndex.name)).toBe(false);
    // Its own records it still reads and changes, and its participations on the same index it reads.
    expect(allows(tenant, 'dynamodb:UpdateItem', centreKeys.pk(tromso))).toBe(true);
    expect(allows(tenant, 'dynamodb:Query', centreKeys.pk(tromso))).toBe(true);
    expect(
      allows(tenant, 'dynamodb:Query', centreKeys.participationPk(tromso), 'tromso', personLogIndex.name),
    ).toBe(true);
  });

  it('the log reader reads its own centre log, its participants’ logs and the catalogue, nothing else', () => {
    const reader = principals.logReader as PolicyJson;
    expect(allows(reader, 'dynamodb:Query', log)).toBe(true);
    expect(allows(reader, 'dynamodb:GetItem', log)).toBe(true);
    expect(allows(reader, 'dynamodb:Query', accessLogKeys.pk({ centre: 'bodo' }))).toBe(false);
    expect(allows(reader, 'dynamodb:Query', centreKeys.pk(tromso))).toBe(false);
    expect(allows(reader, 'dynamodb:PutItem', log)).toBe(false);
    expect(allows(reader, 'dynamodb:DeleteItem', log)).toBe(false);
    // Its participants' logs on the index, not another centre's, and not the participations beside them.
    const index = personLogIndex.name;
    expect(allows(reader, 'dynamodb:Query', personLog, 'tromso', index)).toBe(true);
    const bodoLog = accessLogKeys.personPk({ centre: 'bodo' }, logRef('bodo', 'participant', 'p1'));
    expect(allows(reader, 'dynamodb:Query', bodoLog, 'tromso', index)).toBe(false);
    expect(allows(reader, 'dynamodb:Query', centreKeys.participationPk(tromso), 'tromso', index)).toBe(false);
    // The catalogue, for the log's retention: read, never changed.
    expect(allows(reader, 'dynamodb:GetItem', catalogueKeys.pk)).toBe(true);
    expect(allows(reader, 'dynamodb:PutItem', catalogueKeys.pk)).toBe(false);
  });

  it('no principal but the tenant role (adding) and the retention job writes to the log at all', () => {
    const writers = Object.entries(principals)
      .filter(([, p]) => allows(p, 'dynamodb:PutItem', log))
      .map(([name]) => name);
    expect(writers.sort()).toEqual(['retentionJob', 'tenant']);
  });

  it('the export reads the log on the jobs index only, keeps its marker, and adds nothing to the log', () => {
    const exporter = principals.logExport as PolicyJson;
    const [read] = exporter.Statement;
    expect(read).toMatchObject({
      Action: ['dynamodb:Query'],
      Resource: [`${tableArn}/index/GSI2`],
      Condition: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [accessLogKeys.monthPk('*')] } },
    });
    expect(allows(exporter, 'dynamodb:Query', log)).toBe(false);
    expect(allows(exporter, 'dynamodb:PutItem', jobKeys.logExportState.PK)).toBe(true);
    expect(allows(exporter, 'dynamodb:PutItem', centreKeys.pk(tromso))).toBe(false);
    const s3 = exporter.Statement.filter((s) => s.Action.some((a) => a.startsWith('s3:')));
    expect(s3).toEqual([
      expect.objectContaining({
        Effect: 'Allow',
        Action: ['s3:PutObject'],
        Resource: ['arn:aws:s3:::crux-log-archive/*'],
      }),
    ]);
  });
});
