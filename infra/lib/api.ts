import { audienceDescriptions } from '@crux/api/audience-functions';
import { type Audience, audienceNames, tenantOf } from '@crux/api/audiences';
import { type RouteDef, routes } from '@crux/api/routes';
import { personLogIndex } from '@crux/store/access-log-index';
import { Duration, Stack, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import {
  accountsPolicy,
  adminPolicy,
  answerPolicy,
  catalogueReadPolicy,
  headOfficePolicy,
  networkPolicy,
  privacyPolicy,
  userPoolActions,
  userPoolStatement,
} from './function-policies';
import { AppFunction, logRetention } from './lambda';
import {
  type KeyUse,
  logReaderPolicy,
  type PolicyJson,
  tableKeyStatement,
  tenantPolicy,
  tenantTrustConditions,
} from './tenant-policy';

export type ApiProps = {
  table: dynamodb.ITable;
  tableKey: kms.IKey;
  indexNames: readonly string[];
  /** The user pool's issuer URL and the web client's id: the functions accept tokens of nothing else. */
  issuerUrl: string;
  clientId: string;
  /** The pool whose accounts the accounts and admin functions manage, and the privacy function erases, through its admin API. */
  userPool: { userPoolArn: string; userPoolId: string };
  logsKey: kms.IKey;
};

const methods: Record<RouteDef['method'], apigw.HttpMethod> = {
  GET: apigw.HttpMethod.GET,
  POST: apigw.HttpMethod.POST,
  PUT: apigw.HttpMethod.PUT,
  DELETE: apigw.HttpMethod.DELETE,
};

/**
 * The HTTP API, one function per audience, and each audience's least privilege. The centre function's
 * own role cannot touch the table at all: for each request it assumes the tenant role with a `centre`
 * session tag taken from the verified token, and the tenant role's policy admits only that centre's keys.
 */
export class Api extends Construct {
  readonly httpApi: apigw.HttpApi;
  readonly functions: Record<Audience, AppFunction>;
  readonly tenantRole: iam.Role;
  readonly logReaderRole: iam.Role;

  constructor(scope: Construct, id: string, props: ApiProps) {
    super(scope, id);
    const { table, tableKey, indexNames, logsKey } = props;
    const region = Stack.of(this).region;
    // Every function verifies the caller's access token itself (functions/src/http/token.ts).
    const environment = {
      TABLE_NAME: table.tableName,
      TOKEN_ISSUER: props.issuerUrl,
      TOKEN_CLIENT_ID: props.clientId,
    };
    const make = (audience: Audience, policy?: PolicyJson) =>
      new AppFunction(this, `${audience[0]?.toUpperCase()}${audience.slice(1)}Function`, {
        name: audience,
        description: audienceDescriptions[audience],
        environment,
        logsKey,
        ...(policy ? { policy } : {}),
      });

    // The audiences that reach the table only through the tenant role (audiences.ts), and of those the
    // one that may also read the access log.
    const tenantFunctions = audienceNames.flatMap((a) => {
      const tenant = tenantOf(a);
      // The accounts function also keeps its own request records, outside any centre (its own policy),
      // and the privacy function deletes those of a participant it erases.
      const own =
        a === 'accounts'
          ? accountsPolicy(table.tableArn)
          : a === 'privacy'
            ? privacyPolicy(table.tableArn)
            : undefined;
      return tenant ? [{ audience: a, fn: make(a, own), readsAccessLog: tenant.readsAccessLog }] : [];
    });
    // A role assumed per request with the caller's centre as a session tag, by exactly these functions.
    const tenantRole = (
      id: string,
      description: string,
      fns: typeof tenantFunctions,
      policy: { name: string; document: PolicyJson },
    ) => {
      const [first, ...rest] = fns.map((f) => f.fn.role.roleArn);
      if (!first) throw new Error(`no function assumes ${id}`);
      const role = new iam.Role(this, id, {
        description,
        assumedBy: new iam.ArnPrincipal(first).withSessionTags().withConditions(tenantTrustConditions),
        maxSessionDuration: Duration.hours(1),
        inlinePolicies: { [policy.name]: iam.PolicyDocument.fromJson(policy.document) },
      });
      for (const arn of rest)
        role.assumeRolePolicy?.addStatements(
          new iam.PolicyStatement({
            actions: ['sts:AssumeRole', 'sts:TagSession'],
            principals: [new iam.ArnPrincipal(arn)],
            conditions: tenantTrustConditions,
          }),
        );
      return role;
    };
    this.tenantRole = tenantRole(
      'TenantRole',
      "Assumed per request by the centre-scoped API functions, tagged with the caller's centre",
      tenantFunctions,
      { name: 'OwnCentreItems', document: tenantPolicy(table.tableArn, indexNames) },
    );
    // The leader's view of the access log reads through a role of its own: the tenant role may only add
    // entries (tenant-policy.ts), so no request's credentials can both read an entry and write one.
    this.logReaderRole = tenantRole(
      'LogReaderRole',
      "Assumed by the privacy API to read the caller's centre's access log, tagged like the tenant role",
      tenantFunctions.filter((f) => f.readsAccessLog),
      { name: 'OwnCentreAccessLog', document: logReaderPolicy(table.tableArn, personLogIndex.name) },
    );
    for (const { fn, readsAccessLog } of tenantFunctions) {
      const roles = readsAccessLog ? [this.tenantRole, this.logReaderRole] : [this.tenantRole];
      fn.role.addToPrincipalPolicy(
        new iam.PolicyStatement({
          sid: 'AssumeTenantRoleWithCentreTag',
          actions: ['sts:AssumeRole', 'sts:TagSession'],
          resources: roles.map((r) => r.roleArn),
        }),
      );
      fn.fn.addEnvironment('TENANT_ROLE_ARN', this.tenantRole.roleArn);
      if (readsAccessLog) fn.fn.addEnvironment('LOG_READER_ROLE_ARN', this.logReaderRole.roleArn);
    }
    const tenant = Object.fromEntries(tenantFunctions.map((f) => [f.audience, f.fn]));

    this.functions = {
      ...tenant,
      admin: make('admin', adminPolicy(table.tableArn)),
      headoffice: make('headoffice', headOfficePolicy(table.tableArn)),
      network: make('network', networkPolicy(table.tableArn)),
      catalogue: make('catalogue', catalogueReadPolicy(table.tableArn)),
      answer: make('answer', answerPolicy(table.tableArn)),
    } as Record<Audience, AppFunction>;
    for (const audience of ['accounts', 'admin', 'privacy'] as const) {
      const fn = this.functions[audience];
      fn.fn.addEnvironment('USER_POOL_ID', props.userPool.userPoolId);
      fn.role.addToPrincipalPolicy(
        iam.PolicyStatement.fromJson(
          userPoolStatement(props.userPool.userPoolArn, userPoolActions[audience]),
        ),
      );
    }

    const keyUse = (role: iam.IRole, use: KeyUse) =>
      role.addToPrincipalPolicy(
        iam.PolicyStatement.fromJson(tableKeyStatement(tableKey.keyArn, region, use)),
      );
    keyUse(this.tenantRole, 'readWrite');
    keyUse(this.logReaderRole, 'read');
    keyUse(this.functions.admin.role, 'readWrite');
    keyUse(this.functions.catalogue.role, 'read');
    keyUse(this.functions.accounts.role, 'readWrite');
    keyUse(this.functions.privacy.role, 'readWrite');
    keyUse(this.functions.headoffice.role, 'readWrite');
    keyUse(this.functions.network.role, 'readWrite');
    keyUse(this.functions.answer.role, 'readWrite');

    const accessLogs = new logs.LogGroup(this, 'AccessLogs', {
      retention: logRetention,
      encryptionKey: logsKey,
    });
    this.httpApi = new apigw.HttpApi(this, 'HttpApi', {
      description: 'CRUX platform API',
      createDefaultStage: false,
    });
    const stage = new apigw.HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: 50, burstLimit: 100 },
      accessLogSettings: {
        destination: new apigw.LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            time: '$context.requestTime',
            ip: '$context.identity.sourceIp',
            routeKey: '$context.routeKey',
            status: '$context.status',
            latencyMs: '$context.responseLatency',
            authorizerError: '$context.authorizer.error',
            integrationError: '$context.integrationErrorMessage',
          }),
        ),
      },
    });

    const integrations = Object.fromEntries(
      Object.entries(this.functions).map(([audience, f]) => [
        audience,
        new HttpLambdaIntegration(audience, f.fn),
      ]),
    ) as Record<Audience, HttpLambdaIntegration>;
    const throttled: Record<string, { ThrottlingRateLimit: number; ThrottlingBurstLimit: number }> = {};
    for (const route of routes as readonly RouteDef[]) {
      const added = this.httpApi.addRoutes({
        path: route.path,
        methods: [methods[route.method]],
        integration: integrations[route.audience],
      });
      if (!route.throttle) continue;
      // A route's own throttle, below the stage's: the routes called without a token (routes.ts).
      throttled[`${route.method} ${route.path}`] = {
        ThrottlingRateLimit: route.throttle.rate,
        ThrottlingBurstLimit: route.throttle.burst,
      };
      for (const r of added) stage.node.addDependency(r);
    }
    (stage.node.defaultChild as apigw.CfnStage).addPropertyOverride('RouteSettings', throttled);
    // No API Gateway authorizer: its refusal has a body of its own that an HTTP API cannot reshape, so
    // a caller could tell a forged signature from a refused claim. The functions verify the token.
    Validations.of(this.httpApi).acknowledge({
      id: 'AwsSolutions-APIG4',
      reason:
        "Every function verifies the caller's Cognito access token itself (signature by the pool's JWKS, issuer, " +
        'expiry, token_use, client_id, openid scope, role and centre) before anything else, so every refusal is ' +
        'the same 401 in the one error shape; an API Gateway authorizer would answer some refusals with a body ' +
        'of its own. The survey answer routes take no token by design (anonymous participants): they prove a ' +
        'one-time code in the same transaction as the write, have a throttle of their own, and a role that ' +
        'reaches only the survey partitions.',
    });
  }

  /** The host CloudFront forwards `/api/*` to. */
  get originDomain(): string {
    return `${this.httpApi.apiId}.execute-api.${Stack.of(this).region}.${Stack.of(this).urlSuffix}`;
  }
}
