import { join } from 'node:path';
import { serviceNames } from '@crux/functions/observability/names';
import { Aws, CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import type { Construct } from 'constructs';
import { Api } from './api';
import { repoRoot } from './bundling';
import { Data } from './data';
import { Identity } from './identity';
import { Jobs } from './jobs';
import { LogArchive } from './log-archive';
import { Monitoring } from './monitoring';
import { Web } from './web';

export type CruxStackProps = StackProps & {
  /** The web client's build output; defaults to `packages/web/dist`. */
  webDistDir?: string;
  /** Managed-login domain prefix; defaults to `crux-<account id>`, unique per account and region. */
  authDomainPrefix?: string;
  alarmEmail?: string;
};

/**
 * The whole platform in one stack: the data, who may sign in, the API per audience, the web client,
 * the scheduled jobs, the access log's write-once archive and the alarms. Built in the order the
 * references need: the web client's Cognito app client needs the CloudFront domain, and the API's
 * authorizer needs that client; the archive logs into the web client's access-log bucket.
 */
export class CruxStack extends Stack {
  readonly data: Data;
  readonly identity: Identity;
  readonly web: Web;
  readonly api: Api;
  readonly jobs: Jobs;
  readonly logArchive: LogArchive;
  readonly monitoring: Monitoring;

  constructor(scope: Construct, id: string, props: CruxStackProps = {}) {
    super(scope, id, props);
    const logsKey = this.logsKey();

    this.data = new Data(this, 'Data');
    this.identity = new Identity(this, 'Identity', {
      domainPrefix: props.authDomainPrefix ?? `crux-${Aws.ACCOUNT_ID}`,
      logsKey,
      table: this.data.table,
      tableKey: this.data.key,
    });
    this.web = new Web(this, 'Web', {
      distDir: props.webDistDir ?? join(repoRoot, 'packages/web/dist'),
      loginBaseUrl: this.identity.loginBaseUrl,
      idpBaseUrl: this.identity.idpBaseUrl,
      logsKey,
    });
    const webClient = this.identity.addWebClient(this.web.url);

    this.api = new Api(this, 'Api', {
      table: this.data.table,
      tableKey: this.data.key,
      indexNames: this.data.indexNames,
      issuerUrl: this.identity.issuerUrl,
      clientId: webClient.userPoolClientId,
      userPool: this.identity.userPool,
      logsKey,
    });
    this.web.routeApi(this.api.originDomain);
    this.web.deploy({
      authority: this.identity.issuerUrl,
      clientId: webClient.userPoolClientId,
      // Same origin: the route table's paths already start with /api, which CloudFront sends to the API.
      apiBase: '',
      logoutUrl: this.identity.logoutUrl,
    });

    this.logArchive = new LogArchive(this, 'LogArchive', {
      key: this.data.key,
      serverAccessLogs: this.web.logBucket,
    });
    this.jobs = new Jobs(this, 'Jobs', {
      table: this.data.table,
      tableKey: this.data.key,
      indexNames: this.data.indexNames,
      logsKey,
      archive: this.logArchive.bucket,
      userPool: this.identity.userPool,
    });

    this.monitoring = new Monitoring(this, 'Monitoring', {
      functions: {
        ...Object.fromEntries(
          Object.entries(this.api.functions).map(([audience, f]) => [
            audience,
            { fn: f.fn, service: audience },
          ]),
        ),
        preToken: { fn: this.identity.preToken.fn, service: serviceNames.preToken },
        figuresJob: { fn: this.jobs.figures.fn, service: serviceNames.figuresJob },
        retentionJob: { fn: this.jobs.retention.fn, service: serviceNames.retentionJob },
        logExport: { fn: this.jobs.logExport.fn, service: serviceNames.logExport },
      },
      audiences: Object.keys(this.api.functions),
      httpApi: this.api.httpApi,
      table: this.data.table,
      indexNames: this.data.indexNames,
      jobService: serviceNames.figuresJob,
      deadLetterQueue: this.jobs.deadLetterQueue,
      ...(props.alarmEmail ? { alarmEmail: props.alarmEmail } : {}),
    });

    new CfnOutput(this, 'SiteUrl', { value: this.web.url });
    new CfnOutput(this, 'UserPoolId', { value: this.identity.userPool.userPoolId });
    new CfnOutput(this, 'TableName', { value: this.data.table.tableName });
  }

  /** Encrypts every log group: logs of a platform about vulnerable people are personal data too. */
  private logsKey(): kms.Key {
    const key = new kms.Key(this, 'LogsKey', {
      description: 'Encrypts the CRUX platform log groups',
      enableKeyRotation: true,
      rotationPeriod: Duration.days(365),
      removalPolicy: RemovalPolicy.RETAIN,
    });
    key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'CloudWatchLogsOfThisAccount',
        principals: [new iam.ServicePrincipal(`logs.${this.region}.amazonaws.com`)],
        actions: [
          'kms:Decrypt',
          'kms:Encrypt',
          'kms:GenerateDataKey',
          'kms:ReEncryptFrom',
          'kms:ReEncryptTo',
          'kms:DescribeKey',
        ],
        resources: ['*'],
        conditions: {
          ArnLike: {
            'kms:EncryptionContext:aws:logs:arn': `arn:${this.partition}:logs:${this.region}:${this.account}:log-group:*`,
          },
        },
      }),
    );
    return key;
  }
}
