import { startingCatalogue } from '@crux/domain/catalogue/starting';
import { daysCovering } from '@crux/domain/privacy/log-export';
import { retentionOf } from '@crux/domain/privacy/retention';
import { ARCHIVE_BUCKET_VARIABLE } from '@crux/functions/log-export/environment';
import type { CruxStack } from '@crux/infra/stack';
import { type CfnResource, Stack } from 'aws-cdk-lib';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { beforeAll, describe, expect, it } from 'vitest';
import { actionsOf, refId, resourcesOf, statementsOfRole, synthStack } from './synth';

/**
 * The access log's write-once archive (issue 11): a bucket locked in compliance mode for the log's
 * retention, and an hourly export whose role may put objects there and do nothing else with them.
 */
let template: Template;
let stack: CruxStack;
beforeAll(() => {
  ({ template, stack } = synthStack());
}, 300_000);

/** The logical id of a construct's CloudFormation resource. */
const idOf = (c: IConstruct) => Stack.of(stack).getLogicalId(c.node.defaultChild as CfnResource);
const bucketId = () => idOf(stack.logArchive.bucket);
const exportFunctionId = () => idOf(stack.jobs.logExport.fn);
const exportRoleId = () => idOf(stack.jobs.logExport.role);
/** The retention the catalogue ships, in the days S3 counts: never shorter than the log's own. */
const days = daysCovering(retentionOf(startingCatalogue.settings).accessLogYears);

describe('the archive bucket', () => {
  it('locks every object in compliance mode for the access log retention, versioned', () => {
    const bucket = resourcesOf(template, 'AWS::S3::Bucket')[bucketId()];
    expect(bucket?.DeletionPolicy).toBe('Retain');
    expect(bucket?.Properties).toMatchObject({
      ObjectLockEnabled: true,
      ObjectLockConfiguration: {
        ObjectLockEnabled: 'Enabled',
        Rule: { DefaultRetention: { Mode: 'COMPLIANCE', Days: days } },
      },
      VersioningConfiguration: { Status: 'Enabled' },
    });
    expect(days).toBeGreaterThanOrEqual(365 * (startingCatalogue.settings.accessLogRetentionYears ?? 0));
  });

  it('is private, encrypted with the table key, TLS only, and logs who reached it', () => {
    const bucket = resourcesOf(template, 'AWS::S3::Bucket')[bucketId()];
    expect(bucket?.Properties).toMatchObject({
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      LoggingConfiguration: { LogFilePrefix: 'access-log-archive/' },
    });
    const encryption = bucket?.Properties.BucketEncryption as {
      ServerSideEncryptionConfiguration: {
        ServerSideEncryptionByDefault: { SSEAlgorithm: string; KMSMasterKeyID: unknown };
        BucketKeyEnabled: boolean;
      }[];
    };
    const [rule] = encryption.ServerSideEncryptionConfiguration;
    expect(rule?.ServerSideEncryptionByDefault.SSEAlgorithm).toBe('aws:kms');
    expect(refId(rule?.ServerSideEncryptionByDefault.KMSMasterKeyID)).toBe(idOf(stack.data.key));
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: bucketId() },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });

  it('expires an object once its retention has run, and an old version a day after it was replaced', () => {
    const bucket = resourcesOf(template, 'AWS::S3::Bucket')[bucketId()];
    const lifecycle = bucket?.Properties.LifecycleConfiguration as { Rules: object[] } | undefined;
    const rules = lifecycle?.Rules;
    expect(rules).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          Status: 'Enabled',
          ExpirationInDays: days,
          NoncurrentVersionExpiration: { NoncurrentDays: 1 },
        }),
        expect.objectContaining({ Status: 'Enabled', ExpiredObjectDeleteMarker: true }),
      ]),
    );
  });
});

describe('the export function', () => {
  it('may put objects into the archive and nothing else there: no delete, no retention change, no read', () => {
    const statements = statementsOfRole(template, exportRoleId());
    const s3 = statements.filter((s) => actionsOf(s).some((a) => a.startsWith('s3:')));
    expect(s3.flatMap(actionsOf)).toEqual(['s3:PutObject']);
    expect(JSON.stringify(s3[0]?.Resource)).toContain(bucketId());
    const every = statements.filter((s) => s.Effect === 'Allow').flatMap(actionsOf);
    for (const action of every) {
      expect(action, action).not.toMatch(
        /^s3:(Delete|PutObjectRetention|PutObjectLegalHold|BypassGovernance|Get)/,
      );
      expect(action, action).not.toMatch(/\*/);
    }
    expect(every).not.toContain('dynamodb:DeleteItem');
    expect(every).not.toContain('dynamodb:Scan');
  });

  it('is told the bucket, and runs hourly at :25 UTC with retries and the dead-letter queue', () => {
    const fn = resourcesOf(template, 'AWS::Lambda::Function')[exportFunctionId()];
    const env = fn?.Properties.Environment as { Variables: Record<string, unknown> } | undefined;
    expect(env?.Variables[ARCHIVE_BUCKET_VARIABLE]).toEqual({ Ref: bucketId() });
    const [queueId] = Object.keys(resourcesOf(template, 'AWS::SQS::Queue'));
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(25 * * * ? *)',
      ScheduleExpressionTimezone: 'Etc/UTC',
      State: 'ENABLED',
      Target: {
        Arn: { 'Fn::GetAtt': [exportFunctionId(), 'Arn'] },
        RetryPolicy: { MaximumRetryAttempts: 3, MaximumEventAgeInSeconds: 3600 },
        DeadLetterConfig: { Arn: { 'Fn::GetAtt': [queueId, 'Arn'] } },
      },
    });
  });
});
