import { basename, join } from 'node:path';
import { Duration, RemovalPolicy, Tags, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { architecture, bundling, type FunctionName, functionEntries, repoRoot, runtime } from './bundling';
import type { PolicyJson } from './tenant-policy';

export type AppFunctionProps = {
  name: FunctionName;
  description: string;
  environment?: Record<string, string>;
  /** Encrypts the function's log group: errors may echo what a person typed. */
  logsKey: kms.IKey;
  /** The function's whole data permission, if any, as one inline policy. */
  policy?: PolicyJson;
  memorySize?: number;
  timeout?: Duration;
  /** Files copied beside the bundle (paths from the repository root): what a dependency reads at run time. */
  assets?: readonly string[];
};

/** How long function logs are kept: long enough to investigate an incident, short for personal data. */
export const logRetention = logs.RetentionDays.THREE_MONTHS;

/**
 * One Lambda function with its own role and log group. The role is built here rather than by
 * NodejsFunction so that it carries no AWS managed policy and no permission we did not write down:
 * writing to its own log group, X-Ray, and `policy`.
 */
export class AppFunction extends Construct {
  readonly fn: NodejsFunction;
  readonly role: iam.Role;
  readonly logGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: AppFunctionProps) {
    super(scope, id);
    this.logGroup = new logs.LogGroup(this, 'Logs', {
      retention: logRetention,
      encryptionKey: props.logsKey,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `Execution role of the ${props.name} function`,
      inlinePolicies: props.policy ? { TableAccess: iam.PolicyDocument.fromJson(props.policy) } : {},
    });
    this.logGroup.grantWrite(this.role);

    this.fn = new NodejsFunction(this, 'Fn', {
      entry: join(repoRoot, functionEntries[props.name]),
      handler: 'handler',
      projectRoot: repoRoot,
      depsLockFilePath: join(repoRoot, 'package-lock.json'),
      runtime,
      architecture,
      bundling: props.assets?.length ? withAssets(props.assets) : bundling,
      description: props.description,
      role: this.role,
      logGroup: this.logGroup,
      loggingFormat: lambda.LoggingFormat.JSON,
      tracing: lambda.Tracing.ACTIVE,
      memorySize: props.memorySize ?? 1024,
      timeout: props.timeout ?? Duration.seconds(10),
      environment: { ...props.environment },
    });
    // Which of the platform's functions this is, for cost reports and for finding it in the console.
    Tags.of(this.fn).add('crux:function', props.name);

    Validations.of(this.role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'Active tracing adds xray:PutTraceSegments and xray:PutTelemetryRecords, which support no resource-level ' +
        'permissions; every other statement of this role names its resources.',
    });
  }
}

/** The bundling, with files copied beside the bundle after esbuild (the local shell, never Docker). */
function withAssets(assets: readonly string[]): typeof bundling {
  const copy = (input: string, output: string) =>
    assets.map((a) => `cp "${join(input, a)}" "${join(output, basename(a))}"`);
  return {
    ...bundling,
    commandHooks: {
      beforeBundling: () => [],
      beforeInstall: () => [],
      afterBundling: (input, output) => copy(input, output),
    },
  };
}
