import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Audience, audienceNames, tenantOf } from '@crux/api/audiences';
import { apiDocsPaths } from '@crux/api/docs';
import { routes } from '@crux/api/routes';
import { docsContentSecurityPolicy } from '@crux/api/web-security';
import { apiDocs } from '@crux/functions/openapi/files';
import { functionEntries } from '@crux/infra/bundling';
import {
  accountsPolicy,
  adminPolicy,
  answerPolicy,
  catalogueReadPolicy,
  headOfficePolicy,
  networkPolicy,
  preTokenPolicy,
} from '@crux/infra/function-policies';
import { tenantPolicy, tenantTrustConditions } from '@crux/infra/tenant-policy';
import { table as definition } from '@crux/store/table';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  actionsOf,
  type PolicyStatementJson,
  refId,
  resourcesOf,
  statementsOfRole,
  synthStack,
} from './synth';

let template: Template;
// Bundling every function takes minutes on a busy two-core machine.
beforeAll(() => {
  template = synthStack().template;
}, 300_000);

const single = (type: string) => {
  const all = Object.entries(resourcesOf(template, type));
  expect(all, type).toHaveLength(1);
  return all[0] as [string, (typeof all)[number][1]];
};

/** Our functions (the BucketDeployment handler is CDK's, in Python), keyed by logical id. */
const appFunctions = () =>
  Object.entries(resourcesOf(template, 'AWS::Lambda::Function')).filter(([, f]) =>
    (f.Properties.Runtime as string).startsWith('nodejs'),
  );
/** The platform's name of a function, from its `crux:function` tag. */
const functionName = (f: { Properties: Record<string, unknown> }) =>
  (f.Properties.Tags as { Key: string; Value: string }[] | undefined)?.find((t) => t.Key === 'crux:function')
    ?.Value;
const functionByService = (service: string) => {
  const found = appFunctions().find(([, f]) => functionName(f) === service);
  if (!found) throw new Error(`No function ${service}`);
  return found;
};
const tableId = () => single('AWS::DynamoDB::Table')[0];

describe('data', () => {
  it('builds the table from the shared definition: on demand, PITR, deletion protection, KMS, retained', () => {
    const [, table] = single('AWS::DynamoDB::Table');
    expect(table.DeletionPolicy).toBe('Retain');
    expect(table.UpdateReplacePolicy).toBe('Retain');
    expect(table.Properties).toMatchObject({
      BillingMode: 'PAY_PER_REQUEST',
      DeletionProtectionEnabled: true,
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      SSESpecification: { SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: expect.anything() },
      TimeToLiveSpecification: { AttributeName: definition.ttlAttribute, Enabled: true },
      KeySchema: [
        { AttributeName: definition.partitionKey, KeyType: 'HASH' },
        { AttributeName: definition.sortKey, KeyType: 'RANGE' },
      ],
    });
    const indexes = table.Properties.GlobalSecondaryIndexes as { IndexName: string; KeySchema: unknown }[];
    expect(indexes.map((i) => i.IndexName)).toEqual(definition.indexes.map((i) => i.name));
    const keyId = refId((table.Properties.SSESpecification as { KMSMasterKeyId: unknown }).KMSMasterKeyId);
    expect(resourcesOf(template, 'AWS::KMS::Key')[keyId]).toMatchObject({
      DeletionPolicy: 'Retain',
      Properties: { EnableKeyRotation: true },
    });
  });
});

describe('least privilege per audience', () => {
  const dynamoStatements = (roleId: string) =>
    statementsOfRole(template, roleId).filter((s) => actionsOf(s).some((a) => a.startsWith('dynamodb:')));
  const roleOf = (fn: ReturnType<typeof functionByService>) => refId(fn[1].Properties.Role);
  /** The audiences whose functions reach the table only through the tenant role (audiences.ts). */
  const tenantAudiences = audienceNames.filter((a) => tenantOf(a) !== undefined);
  const readsLog = (a: Audience) => tenantOf(a)?.readsAccessLog === true;
  /** The one role that every function with this variable is given. */
  const envRef = (name: string) => {
    const refs = appFunctions().flatMap(([, f]) => {
      const value = (f.Properties.Environment as { Variables?: Record<string, unknown> }).Variables?.[name];
      return value === undefined ? [] : [refId(value)];
    });
    expect(new Set(refs).size, name).toBe(1);
    return refs[0] as string;
  };
  const tenantRoleId = () => envRef('TENANT_ROLE_ARN');
  const logReaderRoleId = () => envRef('LOG_READER_ROLE_ARN');

  it('has the centre-scoped functions as tenant functions, and only the privacy function reads the access log', () => {
    expect(tenantAudiences).toEqual(
      expect.arrayContaining(['centre', 'plans', 'registers', 'privacy', 'survey', 'imports']),
    );
    expect(tenantAudiences.filter(readsLog)).toEqual(['privacy']);
  });

  it.each(tenantAudiences)(
    'the %s function has no DynamoDB statement of a centre (the accounts function: its own request records), only AssumeRole+TagSession on the tenant role (and the log reader, for the privacy function)',
    (audience) => {
      const [, fn] = functionByService(audience);
      const roleId = refId(fn.Properties.Role);
      // The accounts function also keeps its requests' records outside any centre (accountsPolicy), and
      // the privacy function deletes those of a participant it erases (privacyPolicy).
      const own: Partial<Record<string, string[]>> = {
        accounts: ['OwnRequestRecordsOnly'],
        privacy: ['ErasedParticipantsAccountRequests'],
      };
      expect(dynamoStatements(roleId).map((st) => st.Sid)).toEqual(own[audience] ?? []);
      const sts = statementsOfRole(template, roleId).filter((s) =>
        actionsOf(s).some((a) => a.startsWith('sts:')),
      );
      const tenant = { 'Fn::GetAtt': [tenantRoleId(), 'Arn'] };
      const vars = (fn.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
      expect(refId(vars.TENANT_ROLE_ARN)).toBe(tenantRoleId());
      expect(vars.LOG_READER_ROLE_ARN === undefined).toBe(!readsLog(audience));
      expect(sts).toEqual([
        {
          Sid: 'AssumeTenantRoleWithCentreTag',
          Effect: 'Allow',
          Action: ['sts:AssumeRole', 'sts:TagSession'],
          // CDK sorts the resources: the log reader's id first.
          Resource: readsLog(audience) ? [{ 'Fn::GetAtt': [logReaderRoleId(), 'Arn'] }, tenant] : tenant,
        },
      ]);
    },
  );

  /**
   * A role's trust: exactly the functions named, each with the centre-tag conditions (CDK merges the
   * statements that differ only in their principal into one).
   */
  const expectTrustedBy = (roleId: string, trusted: readonly Audience[]) => {
    const role = resourcesOf(template, 'AWS::IAM::Role')[roleId];
    const document = role?.Properties.AssumeRolePolicyDocument as
      | { Statement: { Effect: string; Principal: { AWS: unknown }; Action: unknown; Condition: unknown }[] }
      | undefined;
    const statements = document?.Statement ?? [];
    for (const st of statements) {
      expect(st.Effect).toBe('Allow');
      expect(st.Action).toEqual(['sts:AssumeRole', 'sts:TagSession']);
      expect(st.Condition).toEqual(tenantTrustConditions);
    }
    const principals = statements.flatMap((st) => [st.Principal.AWS].flat());
    const roleArn = (a: Audience) => ({
      'Fn::GetAtt': [refId(functionByService(a)[1].Properties.Role), 'Arn'],
    });
    expect(principals).toHaveLength(trusted.length);
    expect(principals).toEqual(expect.arrayContaining(trusted.map(roleArn)));
  };

  it('the log-reader role is trusted by the privacy function only', () => {
    expectTrustedBy(logReaderRoleId(), tenantAudiences.filter(readsLog));
  });

  it('the tenant role has exactly the scoped policy, on the table and every index, and trusts only the tenant functions', () => {
    const roleId = tenantRoleId();
    const tableArn = { 'Fn::GetAtt': [tableId(), 'Arn'] } as unknown as string;
    const expected = tenantPolicy(
      tableArn,
      definition.indexes.map((i) => i.name),
    ).Statement.map((s) => {
      const resources = s.Resource.map((r, i) =>
        i === 0 ? r : { 'Fn::Join': ['', [tableArn, `/index/${definition.indexes[i - 1]?.name}`]] },
      );
      // CDK writes a single action or resource without the array.
      return {
        ...s,
        Action: s.Action.length === 1 ? s.Action[0] : s.Action,
        Resource: resources.length === 1 ? resources[0] : resources,
      };
    });
    expect(dynamoStatements(roleId)).toEqual(expected);
    const others = statementsOfRole(template, roleId).filter(
      (s) => !actionsOf(s).some((a) => a.startsWith('dynamodb:')),
    );
    expect(others.flatMap(actionsOf).sort()).toEqual([
      'kms:Decrypt',
      'kms:DescribeKey',
      'kms:Encrypt',
      'kms:GenerateDataKey',
    ]);

    expectTrustedBy(roleId, tenantAudiences);
  });

  it.each([
    ['headoffice', headOfficePolicy],
    ['network', networkPolicy],
    ['admin', adminPolicy],
    ['catalogue', catalogueReadPolicy],
    ['answer', answerPolicy],
    ['accounts', accountsPolicy],
  ] as const)('the %s function reaches only its own partitions', (service, policyOf) => {
    const tableArn = { 'Fn::GetAtt': [tableId(), 'Arn'] } as unknown as string;
    // The table only, no index; CDK writes a one-element list as its element.
    const expected = policyOf(tableArn).Statement.map((st) => ({
      ...st,
      Action: st.Action.length === 1 ? st.Action[0] : st.Action,
      Resource: st.Resource[0],
    }));
    expect(dynamoStatements(roleOf(functionByService(service)))).toEqual(expected);
  });

  it('the sign-in trigger may only ask whether a centre is registered, and read the table key for it', () => {
    const roleId = roleOf(functionByService('preToken'));
    const tableArn = { 'Fn::GetAtt': [tableId(), 'Arn'] } as unknown as string;
    // CDK writes a one-element list as its element.
    expect(dynamoStatements(roleId)).toEqual(
      preTokenPolicy(tableArn).Statement.map((statement) => ({
        ...statement,
        Action: statement.Action[0],
        Resource: statement.Resource[0],
      })),
    );
    const kms = statementsOfRole(template, roleId).filter((s) =>
      actionsOf(s).some((a) => a.startsWith('kms:')),
    );
    expect(kms.flatMap(actionsOf).sort()).toEqual(['kms:Decrypt', 'kms:DescribeKey']);
  });

  it('no statement anywhere allows Scan or a DynamoDB wildcard, and no role carries an AWS managed policy', () => {
    const all: PolicyStatementJson[] = [
      ...Object.values(resourcesOf(template, 'AWS::IAM::Policy')).flatMap(
        (p) => (p.Properties.PolicyDocument as { Statement: PolicyStatementJson[] }).Statement,
      ),
      ...Object.values(resourcesOf(template, 'AWS::IAM::Role')).flatMap((r) =>
        ((r.Properties.Policies ?? []) as { PolicyDocument: { Statement: PolicyStatementJson[] } }[]).flatMap(
          (p) => p.PolicyDocument.Statement,
        ),
      ),
    ];
    const dynamoActions = all.flatMap(actionsOf).filter((a) => a.startsWith('dynamodb:'));
    expect(dynamoActions.length).toBeGreaterThan(0);
    expect(dynamoActions.filter((a) => a.includes('*') || a === 'dynamodb:Scan')).toEqual([]);
    for (const role of Object.values(resourcesOf(template, 'AWS::IAM::Role'))) {
      expect(role.Properties.ManagedPolicyArns).toBeUndefined();
    }
  });

  it('grants on every resource (`*`) only what has no resource-level permissions, as acknowledged for nag', () => {
    const wildcard = Object.values(resourcesOf(template, 'AWS::IAM::Policy'))
      .flatMap((p) => (p.Properties.PolicyDocument as { Statement: PolicyStatementJson[] }).Statement)
      .filter((s) => s.Resource === '*');
    expect([...new Set(wildcard.flatMap(actionsOf))].sort()).toEqual([
      'cloudfront:CreateInvalidation',
      'cloudfront:GetInvalidation',
      'xray:PutTelemetryRecords',
      'xray:PutTraceSegments',
    ]);
  });

  it('every role that uses the table key may use it only through DynamoDB, and the export through S3', () => {
    const kms = Object.values(resourcesOf(template, 'AWS::IAM::Policy'))
      .flatMap((p) => (p.Properties.PolicyDocument as { Statement: PolicyStatementJson[] }).Statement)
      .filter((s) => actionsOf(s).some((a) => a.startsWith('kms:')));
    // The tenant and log-reader roles, the API functions that are not tenant functions, the accounts
    // function (its own request records) and the privacy function (those of a participant it erases),
    // the three jobs and the sign-in trigger through DynamoDB; the access-log export also through S3,
    // for its archive.
    const notTenant = audienceNames.filter((a) => tenantOf(a) === undefined);
    expect(kms).toHaveLength(2 + notTenant.length + 2 + 4 + 1);
    for (const s of kms) expect(JSON.stringify(s.Condition)).toContain('kms:ViaService');
    const viaS3 = kms.filter((s) => JSON.stringify(s.Condition).includes('"s3.'));
    expect(viaS3.map((s) => actionsOf(s))).toEqual([['kms:GenerateDataKey']]);
  });
});

describe('functions', () => {
  it('are Node.js 24 on arm64, ESM bundles, traced, with the table name', () => {
    const fns = appFunctions();
    expect(fns.map(([, f]) => functionName(f)).sort()).toEqual(Object.keys(functionEntries).sort());
    for (const [id, f] of fns) {
      expect(f.Properties, id).toMatchObject({
        Runtime: 'nodejs24.x',
        Architectures: ['arm64'],
        Handler: 'index.handler',
        TracingConfig: { Mode: 'Active' },
        LoggingConfig: { LogFormat: 'JSON', LogGroup: expect.anything() },
      });
    }
    for (const service of Object.keys(functionEntries)) {
      const vars = (
        functionByService(service)[1].Properties.Environment as { Variables: Record<string, unknown> }
      ).Variables;
      expect(vars.TABLE_NAME, service).toEqual({ Ref: tableId() });
    }
  });

  it('log to their own encrypted log groups, kept three months', () => {
    for (const [id, f] of appFunctions()) {
      const logGroupId = refId((f.Properties.LoggingConfig as { LogGroup: unknown }).LogGroup);
      expect(resourcesOf(template, 'AWS::Logs::LogGroup')[logGroupId]?.Properties, id).toMatchObject({
        RetentionInDays: 90,
        KmsKeyId: expect.anything(),
      });
    }
  });
});

describe('API', () => {
  it('creates every route of the route table, to its audience function, which verifies the token itself', () => {
    expect(Object.keys(resourcesOf(template, 'AWS::ApiGatewayV2::Authorizer'))).toEqual([]);
    const integrations = resourcesOf(template, 'AWS::ApiGatewayV2::Integration');
    const created = Object.values(resourcesOf(template, 'AWS::ApiGatewayV2::Route'));
    expect(created.map((r) => r.Properties.RouteKey).sort()).toEqual(
      routes.map((r) => `${r.method} ${r.path}`).sort(),
    );
    for (const route of routes) {
      const key = `${route.method} ${route.path}`;
      const found = created.find((r) => r.Properties.RouteKey === key);
      if (!found) throw new Error(`Route ${key} is missing`);
      const target = (found.Properties.Target as { 'Fn::Join': [string, [string, unknown]] })[
        'Fn::Join'
      ][1][1];
      const integration = integrations[refId(target)];
      expect(refId(integration?.Properties.IntegrationUri), key).toBe(functionByService(route.audience)[0]);
    }
  });

  it('every API function checks tokens of this user pool issued to the web client, and only those', () => {
    const [poolId] = single('AWS::Cognito::UserPool');
    const [clientId] = single('AWS::Cognito::UserPoolClient');
    for (const audience of ['centre', 'admin', 'headoffice', 'network', 'catalogue']) {
      const [, fn] = functionByService(audience);
      expect(
        (fn.Properties.Environment as { Variables: Record<string, unknown> }).Variables,
        audience,
      ).toMatchObject({
        TOKEN_ISSUER: { 'Fn::GetAtt': [poolId, 'ProviderURL'] },
        TOKEN_CLIENT_ID: { Ref: clientId },
      });
    }
  });

  it('logs access and throttles on its one stage', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('routeKey') },
      DefaultRouteSettings: { ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 },
    });
  });
});

describe('identity', () => {
  it('requires TOTP for everyone, a strong password, no self sign-up, and the Plus plan', () => {
    const [, pool] = single('AWS::Cognito::UserPool');
    const [preTokenId] = functionByService('preToken');
    expect(pool.Properties).toMatchObject({
      MfaConfiguration: 'ON',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      UserPoolTier: 'PLUS',
      DeletionProtection: 'ACTIVE',
      Policies: {
        PasswordPolicy: {
          MinimumLength: 14,
          RequireLowercase: true,
          RequireUppercase: true,
          RequireNumbers: true,
          RequireSymbols: true,
        },
      },
      LambdaConfig: {
        PreTokenGenerationConfig: { LambdaArn: { 'Fn::GetAtt': [preTokenId, 'Arn'] }, LambdaVersion: 'V2_0' },
      },
    });
    expect(pool.DeletionPolicy).toBe('Retain');
    const schema = pool.Properties.Schema as { Name: string; Mutable?: boolean }[];
    expect(schema.filter((a) => ['centre', 'role'].includes(a.Name)).map((a) => a.Name)).toEqual([
      'centre',
      'role',
    ]);
  });

  it('gives the web client code flow without a secret, redirects to the site, and no write on centre or role', () => {
    const [distributionId] = single('AWS::CloudFront::Distribution');
    const [, client] = single('AWS::Cognito::UserPoolClient');
    const site = (path: string) => ({
      'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [distributionId, 'DomainName'] }, path]],
    });
    expect(client.Properties).toMatchObject({
      GenerateSecret: false,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthFlowsUserPoolClient: true,
      CallbackURLs: [site('/auth/callback')],
      LogoutURLs: [site('/')],
      ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      WriteAttributes: ['name'],
    });
    expect(client.Properties.ReadAttributes).toEqual(
      expect.arrayContaining(['custom:centre', 'custom:role']),
    );
    template.hasResourceProperties('AWS::Cognito::UserPoolDomain', { Domain: Match.anyValue() });
  });
});

describe('web', () => {
  it('serves the private bucket through origin access control only', () => {
    const [oacId] = single('AWS::CloudFront::OriginAccessControl');
    const [, distribution] = single('AWS::CloudFront::Distribution');
    const config = distribution.Properties.DistributionConfig as Record<string, unknown>;
    const origins = config.Origins as { OriginAccessControlId?: unknown; S3OriginConfig?: unknown }[];
    const s3Origin = origins.find((o) => o.S3OriginConfig);
    expect(refId(s3Origin?.OriginAccessControlId)).toBe(oacId);
    template.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      BucketEncryption: Match.anyValue(),
      LoggingConfiguration: Match.anyValue(),
    });
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          Match.objectLike({ Principal: { Service: 'cloudfront.amazonaws.com' }, Action: 's3:GetObject' }),
        ]),
      },
    });
  });

  /** The response-headers policies by their comment: the web client's, and the API reference's own. */
  const headerPolicy = (comment: RegExp) => {
    const found = Object.entries(resourcesOf(template, 'AWS::CloudFront::ResponseHeadersPolicy')).filter(
      ([, p]) => comment.test((p.Properties.ResponseHeadersPolicyConfig as { Comment: string }).Comment),
    );
    expect(found).toHaveLength(1);
    return found[0] as (typeof found)[number];
  };

  it('sends a strict CSP, HSTS, nosniff, frame denial and no referrer on every behaviour', () => {
    const [policyId, policy] = headerPolicy(/every answer/);
    const headers = (
      policy.Properties.ResponseHeadersPolicyConfig as { SecurityHeadersConfig: Record<string, unknown> }
    ).SecurityHeadersConfig;
    const csp = JSON.stringify(headers.ContentSecurityPolicy);
    for (const part of [
      "default-src 'self'",
      "script-src 'self'",
      "connect-src 'self' https://",
      '.amazoncognito.com https://cognito-idp.',
      "form-action 'self' https://",
      "frame-ancestors 'none'",
      "object-src 'none'",
    ]) {
      expect(csp).toContain(part);
    }
    expect(csp).not.toContain('unsafe-inline');
    expect(headers).toMatchObject({
      StrictTransportSecurity: { AccessControlMaxAgeSec: 63072000, IncludeSubdomains: true, Override: true },
      ContentTypeOptions: { Override: true },
      FrameOptions: { FrameOption: 'DENY', Override: true },
      ReferrerPolicy: { ReferrerPolicy: 'no-referrer', Override: true },
    });
    const [, distribution] = single('AWS::CloudFront::Distribution');
    const config = distribution.Properties.DistributionConfig as {
      DefaultCacheBehavior: Record<string, unknown>;
      CacheBehaviors: Record<string, unknown>[];
    };
    for (const behaviour of [config.DefaultCacheBehavior, ...config.CacheBehaviors]) {
      if (behaviour.PathPattern === `${apiDocsPaths.page}*`) continue;
      expect(behaviour.ResponseHeadersPolicyId).toEqual({ Ref: policyId });
    }
  });

  it('publishes the API reference at /api/docs from the bucket, ahead of the API, under its own CSP', () => {
    const [distributionId, distribution] = single('AWS::CloudFront::Distribution');
    const config = distribution.Properties.DistributionConfig as {
      DefaultCacheBehavior: { TargetOriginId: string };
      CacheBehaviors: { PathPattern: string; TargetOriginId: string; ResponseHeadersPolicyId: unknown }[];
    };
    const patterns = config.CacheBehaviors.map((b) => b.PathPattern);
    expect(patterns.indexOf(`${apiDocsPaths.page}*`)).toBeGreaterThanOrEqual(0);
    expect(patterns.indexOf(`${apiDocsPaths.page}*`)).toBeLessThan(patterns.indexOf('/api/*'));
    const docs = config.CacheBehaviors.find((b) => b.PathPattern === `${apiDocsPaths.page}*`);
    expect(docs?.TargetOriginId).toBe(config.DefaultCacheBehavior.TargetOriginId);
    const [docsPolicyId, docsPolicy] = headerPolicy(/API reference/);
    expect(docs?.ResponseHeadersPolicyId).toEqual({ Ref: docsPolicyId });
    const csp = (
      docsPolicy.Properties.ResponseHeadersPolicyConfig as {
        SecurityHeadersConfig: { ContentSecurityPolicy: { ContentSecurityPolicy: string } };
      }
    ).SecurityHeadersConfig.ContentSecurityPolicy.ContentSecurityPolicy;
    expect(csp).toBe(docsContentSecurityPolicy(apiDocs().styleHash, { https: true }));
    expect(csp).not.toMatch(/script-src|unsafe/);
    // Both files go up with the app shell, whose deployment invalidates the distribution.
    const deployment = Object.values(resourcesOf(template, 'Custom::CDKBucketDeployment')).find(
      (d) => (d.Properties.DistributionId as { Ref?: string } | undefined)?.Ref === distributionId,
    );
    // The build, config.json, the page and the document.
    expect(deployment?.Properties.SourceObjectKeys).toHaveLength(4);
  });

  it('rewrites client-side routes on the site only, so the API keeps its own 403 and 404', () => {
    const [, distribution] = single('AWS::CloudFront::Distribution');
    const config = distribution.Properties.DistributionConfig as Record<string, unknown>;
    expect(config.CustomErrorResponses).toBeUndefined();
    expect(config.DefaultCacheBehavior).toMatchObject({
      FunctionAssociations: [{ EventType: 'viewer-request', FunctionARN: expect.anything() }],
    });
    const api = (config.CacheBehaviors as Record<string, unknown>[]).find((b) => b.PathPattern === '/api/*');
    expect(api).toMatchObject({
      AllowedMethods: expect.arrayContaining(['POST', 'PUT']),
      // Managed CachingDisabled and AllViewerExceptHostHeader.
      CachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad',
      OriginRequestPolicyId: 'b689b0a8-53d0-40ab-baf2-68738e2966ac',
      ViewerProtocolPolicy: 'https-only',
    });
    expect(api?.FunctionAssociations).toBeUndefined();
  });

  it('refuses to synthesise without a web client build, and says what to run', () => {
    const empty = mkdtempSync(join(tmpdir(), 'crux-no-dist-'));
    expect(() => synthStack({ webDistDir: empty })).toThrow(/web client is not built.*npm run build:web/);
  });
});

describe('jobs and monitoring', () => {
  it('runs the figures job nightly in Oslo time, with retries and an encrypted, SSL-only dead-letter queue', () => {
    const [queueId, queue] = single('AWS::SQS::Queue');
    expect(queue.Properties).toMatchObject({ SqsManagedSseEnabled: true });
    template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
    // The retention job likewise: anonymisation and the access log's own retention, every night.
    for (const job of ['figuresJob', 'retentionJob']) {
      const [jobId] = functionByService(job);
      template.hasResourceProperties('AWS::Scheduler::Schedule', {
        ScheduleExpression: Match.stringLikeRegexp('^cron\\('),
        ScheduleExpressionTimezone: 'Europe/Oslo',
        State: 'ENABLED',
        Target: {
          Arn: { 'Fn::GetAtt': [jobId, 'Arn'] },
          RetryPolicy: { MaximumRetryAttempts: 3, MaximumEventAgeInSeconds: 7200 },
          DeadLetterConfig: { Arn: { 'Fn::GetAtt': [queueId, 'Arn'] } },
        },
      });
    }
  });

  it("alarms on every function's errors and throttles and on the dead-letter queue, to an encrypted topic", () => {
    const [topicId, topic] = single('AWS::SNS::Topic');
    expect(topic.Properties.KmsMasterKeyId).toBeDefined();
    const alarms = Object.values(resourcesOf(template, 'AWS::CloudWatch::Alarm'));
    for (const alarm of alarms) expect(alarm.Properties.AlarmActions).toEqual([{ Ref: topicId }]);
    const watched = (metric: string) =>
      alarms
        .filter((a) => a.Properties.MetricName === metric && a.Properties.Namespace === 'AWS/Lambda')
        .map((a) => refId((a.Properties.Dimensions as { Value: unknown }[])[0]?.Value))
        .sort();
    const functionIds = appFunctions()
      .map(([id]) => id)
      .sort();
    expect(watched('Errors')).toEqual(functionIds);
    expect(watched('Throttles')).toEqual(functionIds);
    const [queueId] = single('AWS::SQS::Queue');
    const dlq = alarms.find((a) => a.Properties.MetricName === 'ApproximateNumberOfMessagesVisible');
    expect(dlq?.Properties).toMatchObject({
      Namespace: 'AWS/SQS',
      Threshold: 1,
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [queueId, 'QueueName'] } }],
    });
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });
});
