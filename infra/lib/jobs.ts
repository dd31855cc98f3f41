import { type CfnResource, Duration, Stack, TimeZone, Validations } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { AppFunction } from './lambda';
import { figuresJobPolicy, retentionJobPolicy, tableKeyStatement } from './tenant-policy';

export type JobsProps = {
  table: dynamodb.ITable;
  tableKey: kms.IKey;
  indexNames: readonly string[];
  logsKey: kms.IKey;
};

/**
 * The nightly figures roll-up and retention. Both jobs are idempotent, so the scheduler may retry them; a run that
 * still fails lands in a dead-letter queue, which the monitoring alarms on, instead of vanishing.
 */
export class Jobs extends Construct {
  readonly figures: AppFunction;
  readonly retention: AppFunction;
  readonly deadLetterQueue: sqs.Queue;
  readonly schedule: scheduler.Schedule;
  readonly retentionSchedule: scheduler.Schedule;

  constructor(scope: Construct, id: string, props: JobsProps) {
    super(scope, id);
    this.figures = new AppFunction(this, 'FiguresJob', {
      name: 'figuresJob',
      description: 'Rolls dirty centre-months up into centre, head-office and network figures',
      environment: { TABLE_NAME: props.table.tableName },
      logsKey: props.logsKey,
      policy: figuresJobPolicy(props.table.tableArn, props.indexNames),
      timeout: Duration.minutes(10),
      // HiGHS, the disclosure control's solver, reads its WebAssembly beside the bundle.
      assets: ['node_modules/highs/build/highs.wasm'],
    });
    this.figures.role.addToPrincipalPolicy(
      iam.PolicyStatement.fromJson(
        tableKeyStatement(props.tableKey.keyArn, Stack.of(this).region, 'readWrite'),
      ),
    );

    this.retention = new AppFunction(this, 'RetentionJob', {
      name: 'retentionJob',
      description:
        'Anonymises participants and deletes access-log entries past the foundation retention settings',
      environment: { TABLE_NAME: props.table.tableName },
      logsKey: props.logsKey,
      policy: retentionJobPolicy(props.table.tableArn, props.indexNames),
      timeout: Duration.minutes(15),
    });
    this.retention.role.addToPrincipalPolicy(
      iam.PolicyStatement.fromJson(
        tableKeyStatement(props.tableKey.keyArn, Stack.of(this).region, 'readWrite'),
      ),
    );

    this.deadLetterQueue = new sqs.Queue(this, 'DeadLetters', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this.deadLetterQueue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason:
        'This queue is itself the dead-letter queue of the nightly schedule (EventBridge Scheduler, not SQS redrive).',
    });

    const schedulerRole = new iam.Role(this, 'SchedulerRole', {
      assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com', {
        conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } },
      }),
      description:
        'Lets the nightly schedules invoke the figures and retention jobs and dead-letter a failed run',
    });
    /** A job run every night at `hour`:30 Oslo time, retried, and dead-lettered when every retry fails. */
    const nightly = (id: string, job: AppFunction, name: string, hour: string, description: string) => {
      Validations.of(schedulerRole).acknowledge({
        id: `AwsSolutions-IAM5[Resource::<${Stack.of(this).getLogicalId(job.fn.node.defaultChild as CfnResource)}.Arn>:*]`,
        reason: `lambda:InvokeFunction on the ${name} and its versions and aliases (grantInvoke adds \`:*\`); no other function.`,
      });
      return new scheduler.Schedule(this, id, {
        description,
        schedule: scheduler.ScheduleExpression.cron({
          minute: '30',
          hour,
          timeZone: TimeZone.of('Europe/Oslo'),
        }),
        target: new LambdaInvoke(job.fn, {
          role: schedulerRole,
          retryAttempts: 3,
          maxEventAge: Duration.hours(2),
          deadLetterQueue: this.deadLetterQueue,
        }),
      });
    };
    this.schedule = nightly(
      'Nightly',
      this.figures,
      'figures job',
      '2',
      'Nightly figures roll-up, after the centres close',
    );
    // An hour after the figures: a participant anonymised tonight is recounted from the copy next night.
    this.retentionSchedule = nightly(
      'NightlyRetention',
      this.retention,
      'retention job',
      '3',
      'Nightly retention: anonymise participants and delete access-log entries past their years',
    );
  }
}
