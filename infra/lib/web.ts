import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { apiDocsPaths } from '@crux/api/docs';
import { contentSecurityPolicy, docsContentSecurityPolicy } from '@crux/api/web-security';
import { type ApiDocs, apiDocs } from '@crux/functions/openapi/files';
import { type CfnResource, Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { logRetention } from './lambda';
import { securityHeaders } from './security-headers';

export type WebProps = {
  /** The web client's build output (`packages/web/dist`). */
  distDir: string;
  /** Cognito's managed login and its IdP host: the only origins besides our own the page talks to. */
  loginBaseUrl: string;
  idpBaseUrl: string;
  logsKey: kms.IKey;
};

/** What the web client reads from `/config.json` at start (packages/web/src/config.ts). */
export type WebConfig = { authority: string; clientId: string; apiBase: string; logoutUrl: string };

/** Access logs hold IP addresses: kept long enough to investigate an incident, then deleted. */
const accessLogDays = 90;

/**
 * Client-side routes (`/participants/…`) have no object in the bucket. Rewriting extension-less paths to
 * the app shell here, on the site behaviour only, replaces the usual 403/404 → index.html error
 * responses: those apply to every behaviour and would turn the API's own 403 and 404 into a 200 page.
 */
const spaRewrite = `function handler(event) {
  var request = event.request;
  var last = request.uri.substring(request.uri.lastIndexOf('/') + 1);
  if (last.indexOf('.') === -1) request.uri = '/index.html';
  return request;
}`;

/**
 * The web client on S3 behind CloudFront. The bucket is private and read only by this distribution
 * (origin access control); every answer carries a strict CSP and the usual security headers.
 */
export class Web extends Construct {
  readonly bucket: s3.Bucket;
  readonly logBucket: s3.Bucket;
  readonly distribution: cloudfront.Distribution;
  private readonly headers: cloudfront.ResponseHeadersPolicy;
  private readonly siteOrigin: cloudfront.IOrigin;
  /** The API reference (OpenAPI document and page), generated from the route table at synth. */
  private readonly apiDocs: ApiDocs = apiDocs();
  private readonly distDir: string;
  private readonly logsKey: kms.IKey;

  constructor(scope: Construct, id: string, props: WebProps) {
    super(scope, id);
    if (!existsSync(join(props.distDir, 'index.html'))) {
      throw new Error(
        `The web client is not built: ${join(props.distDir, 'index.html')} is missing. ` +
          'Run `npm run build:web` before synthesising the CDK app.',
      );
    }
    this.distDir = props.distDir;
    this.logsKey = props.logsKey;

    this.logBucket = new s3.Bucket(this, 'AccessLogs', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      // CloudFront's standard logs are written with an ACL grant, which needs ACLs enabled.
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: Duration.days(accessLogDays) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.logBucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'This is the access-log bucket of the site bucket and the distribution; logging it into itself would loop.',
    });

    this.bucket = new s3.Bucket(this, 'Site', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      versioned: true,
      serverAccessLogsBucket: this.logBucket,
      serverAccessLogsPrefix: 'site/',
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.headers = securityHeaders(
      this,
      'SecurityHeaders',
      'CRUX: CSP, HSTS and related headers on every answer',
      contentSecurityPolicy(props.loginBaseUrl, props.idpBaseUrl, { https: true }),
    );
    this.siteOrigin = origins.S3BucketOrigin.withOriginAccessControl(this.bucket);

    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: 'CRUX web client and API',
      defaultRootObject: 'index.html',
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      priceClass: cloudfront.PriceClass.PRICE_CLASS_100,
      enableLogging: true,
      logBucket: this.logBucket,
      logFilePrefix: 'cloudfront/',
      defaultBehavior: {
        origin: this.siteOrigin,
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: this.headers,
        functionAssociations: [
          {
            eventType: cloudfront.FunctionEventType.VIEWER_REQUEST,
            function: new cloudfront.Function(this, 'SpaRewrite', {
              code: cloudfront.FunctionCode.fromInline(spaRewrite),
              runtime: cloudfront.FunctionRuntime.JS_2_0,
              comment: 'Serves the app shell for client-side routes',
            }),
          },
        ],
      },
    });
    Validations.of(this.distribution).acknowledge(
      {
        id: 'AwsSolutions-CFR1',
        reason:
          'No geo restriction: staff, volunteers and the experience network may sign in while abroad; ' +
          'access is controlled by Cognito with MFA for every account.',
      },
      {
        id: 'AwsSolutions-CFR2',
        reason:
          'No WAF yet: a CloudFront web ACL must live in us-east-1 and this stack is region-agnostic; the API ' +
          'is throttled per stage and every route needs a valid Cognito access token.',
      },
      {
        id: 'AwsSolutions-CFR4',
        reason:
          'The distribution uses the default *.cloudfront.net certificate, for which CloudFront does not allow ' +
          'setting the minimum protocol version; a custom domain with TLSv1.2_2021 is a deployment-time choice.',
      },
    );
  }

  get url(): string {
    return `https://${this.distribution.distributionDomainName}`;
  }

  /**
   * The API on the same origin under `/api/*`: no CORS, and the CSP's connect-src stays 'self' plus
   * Cognito. Nothing is cached, and every viewer header but Host (API Gateway routes on its own host
   * name) reaches the API, the bearer token and the idempotency key included.
   */
  routeApi(apiDomain: string): void {
    this.routeApiDocs();
    this.distribution.addBehavior(
      '/api/*',
      new origins.HttpOrigin(apiDomain, {
        protocolPolicy: cloudfront.OriginProtocolPolicy.HTTPS_ONLY,
        originSslProtocols: [cloudfront.OriginSslPolicy.TLS_V1_2],
      }),
      {
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
        allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
        cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
        originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
        responseHeadersPolicy: this.headers,
      },
    );
  }

  /**
   * The API reference from the site bucket, ahead of `/api/*` (CloudFront takes the first pattern that
   * matches): `/api/docs` is the page, under its own CSP (no script, its one inline style by hash), and
   * `/api/docs/openapi.json` the document.
   */
  private routeApiDocs(): void {
    const page = `${apiDocsPaths.page}/index.html`;
    this.distribution.addBehavior(`${apiDocsPaths.page}*`, this.siteOrigin, {
      viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
      responseHeadersPolicy: securityHeaders(
        this,
        'ApiDocsSecurityHeaders',
        'CRUX API reference: a static page without script, its style allowed by hash',
        docsContentSecurityPolicy(this.apiDocs.styleHash, { https: true }),
      ),
      functionAssociations: [
        {
          eventType: cloudfront.FunctionEventType.VIEWER_REQUEST,
          function: new cloudfront.Function(this, 'ApiDocsRewrite', {
            code: cloudfront.FunctionCode.fromInline(`function handler(event) {
  var request = event.request;
  if (request.uri === '${apiDocsPaths.page}' || request.uri === '${apiDocsPaths.page}/') request.uri = '${page}';
  return request;
}`),
            runtime: cloudfront.FunctionRuntime.JS_2_0,
            comment: 'Serves the API reference page at /api/docs',
          }),
        },
      ],
    });
  }

  /**
   * Uploads the build and its `config.json`. Hashed files under `assets/` are cached for a year; the app
   * shell and the config are revalidated on every load so a deployment shows at once.
   */
  deploy(config: WebConfig): void {
    const role = new iam.Role(this, 'DeploymentRole', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: 'Copies the web client build into the site bucket',
    });
    const logGroup = new logs.LogGroup(this, 'DeploymentLogs', {
      retention: logRetention,
      encryptionKey: this.logsKey,
    });
    logGroup.grantWrite(role);
    const common = { destinationBucket: this.bucket, role, logGroup, prune: false };

    const assetsDir = join(this.distDir, 'assets');
    const assets = existsSync(assetsDir)
      ? new s3deploy.BucketDeployment(this, 'DeployAssets', {
          ...common,
          sources: [s3deploy.Source.asset(assetsDir)],
          destinationKeyPrefix: 'assets/',
          cacheControl: [
            s3deploy.CacheControl.setPublic(),
            s3deploy.CacheControl.maxAge(Duration.days(365)),
            s3deploy.CacheControl.immutable(),
          ],
        })
      : undefined;
    const shell = new s3deploy.BucketDeployment(this, 'DeployShell', {
      ...common,
      sources: [
        s3deploy.Source.asset(this.distDir, { exclude: ['assets'] }),
        s3deploy.Source.jsonData('config.json', config),
        s3deploy.Source.data(`${apiDocsPaths.page.slice(1)}/index.html`, this.apiDocs.page),
        s3deploy.Source.data(apiDocsPaths.document.slice(1), this.apiDocs.document),
      ],
      cacheControl: [s3deploy.CacheControl.noCache()],
      distribution: this.distribution,
      distributionPaths: ['/*'],
    });
    // The new shell must never point at assets that are not uploaded yet.
    if (assets) shell.node.addDependency(assets);
    this.acknowledgeDeploymentFindings(role);
  }

  /** BucketDeployment's handler is CDK's own; these are the permissions and runtime it comes with. */
  private acknowledgeDeploymentFindings(role: iam.Role): void {
    const objectCopy =
      'Granted by BucketDeployment to copy the build: objects of the CDK asset bucket (read) and of the site ' +
      'bucket (read, write, delete old files); the resources are those two buckets only.';
    const siteArn = `<${Stack.of(this).getLogicalId(this.bucket.node.defaultChild as CfnResource)}.Arn>`;
    for (const finding of [
      'Action::s3:GetBucket*',
      'Action::s3:GetObject*',
      'Action::s3:List*',
      'Action::s3:Abort*',
      'Action::s3:DeleteObject*',
      `Resource::${siteArn}/*`,
      'Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-<AWS::Region>/*',
    ]) {
      Validations.of(role).acknowledge({ id: `AwsSolutions-IAM5[${finding}]`, reason: objectCopy });
    }
    Validations.of(role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'cloudfront:CreateInvalidation and GetInvalidation, which BucketDeployment grants on every distribution ' +
        'so that it can invalidate the site after an upload; they cannot read or change any content.',
    });
    const handler = Stack.of(this).node.children.find((c) =>
      c.node.id.startsWith('Custom::CDKBucketDeployment'),
    );
    if (handler) {
      Validations.of(handler).acknowledge({
        id: 'AwsSolutions-L1',
        reason:
          "CDK's BucketDeployment handler pins its Python runtime to the version its bundled AWS CLI layer is " +
          'built for; it runs only during deployments, never on a user request.',
      });
    }
  }
}
