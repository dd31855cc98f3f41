import { ARCHIVE_BUCKET_VARIABLE } from '@crux/functions/log-export/environment';
import { table as definition } from '@crux/store/table';
import { type CfnResource, Duration, Stack, TimeZone, Validations } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import {
  figuresJobPolicy,
  retentionJobPolicy,
  userPoolActions,
  userPoolStatement,
} from './function-policies';
import { AppFunction } from './lambda';
import { archiveKeyStatement, logExportPolicy } from './log-export-policy';
import { tableKeyStatement } from './tenant-policy';

export type JobsProps = {
  table: dynamodb.ITable;
  tableKey: kms.IKey;
  indexNames: readonly string[];
  logsKey: kms.IKey;
  /** The access log's write-once archive, which the export fills. */
  archive: s3.IBucket;
  /** The pool the retention job deletes anonymised participants' own accounts from. */
  userPool: { userPoolArn: string; userPoolId: string };
};

/**
 * The nightly figures roll-up and retention, and the access log's hourly export. The jobs are idempotent, so the scheduler may retry them; a run that
 * still fails lands in a dead-letter queue, which the monitoring alarms on, instead of vanishing.
 */
export class Jobs extends Construct {
  readonly figures: AppFunction;
  readonly retention: AppFunction;
  readonly logExport: AppFunction;
  readonly deadLetterQueue: sqs.Queue;
  readonly schedule: scheduler.Schedule;
  readonly retentionSchedule: scheduler.Schedule;
  readonly logExportSchedule: scheduler.Schedule;

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
      environment: { TABLE_NAME: props.table.tableName, USER_POOL_ID: props.userPool.userPoolId },
      logsKey: props.logsKey,
      policy: retentionJobPolicy(props.table.tableArn, props.indexNames),
      timeout: Duration.minutes(15),
    });
    this.retention.role.addToPrincipalPolicy(
      iam.PolicyStatement.fromJson(
        tableKeyStatement(props.tableKey.keyArn, Stack.of(this).region, 'readWrite'),
      ),
    );
    this.retention.role.addToPrincipalPolicy(
      iam.PolicyStatement.fromJson(
        userPoolStatement(props.userPool.userPoolArn, userPoolActions.retentionJob),
      ),
    );

    const region = Stack.of(this).region;
    this.logExport = new AppFunction(this, 'LogExport', {
      name: 'logExport',
      description: 'Copies the access log, hour by closed hour, to its write-once archive bucket',
      environment: { TABLE_NAME: props.table.tableName, [ARCHIVE_BUCKET_VARIABLE]: props.archive.bucketName },
      logsKey: props.logsKey,
      policy: logExportPolicy(props.table.tableArn, definition.indexes[1].name, props.archive.bucketArn),
      timeout: Duration.minutes(5),
    });
    for (const statement of [
      tableKeyStatement(props.tableKey.keyArn, region, 'readWrite'),
      archiveKeyStatement(props.tableKey.keyArn, region),
    ])
      this.logExport.role.addToPrincipalPolicy(iam.PolicyStatement.fromJson(statement));
    Validations.of(this.logExport.role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${Stack.of(this).getLogicalId(props.archive.node.defaultChild as CfnResource)}.Arn>/*]`,
      reason:
        's3:PutObject on the objects of the archive bucket only: their keys (centre, day, hour) are made by each run.',
    });

    this.deadLetterQueue = new sqs.Queue(this, 'DeadLetters', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this.deadLetterQueue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason:
        'This queue is itself the dead-letter queue of the job schedules (EventBridge Scheduler, not SQS redrive).',
    });

    const schedulerRole = new iam.Role(this, 'SchedulerRole', {
      assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com', {
        conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } },
      }),
      description:
        'Lets the schedules invoke the figures, retention and log-export jobs and dead-letter a failed run',
    });
    /** A job run on `schedule`, retried while `maxEventAge` allows, and dead-lettered when every retry fails. */
    const scheduled = (
      id: string,
      job: AppFunction,
      name: string,
      schedule: scheduler.ScheduleExpression,
      maxEventAge: Duration,
      description: string,
    ) => {
      Validations.of(schedulerRole).acknowledge({
        id: `AwsSolutions-IAM5[Resource::<${Stack.of(this).getLogicalId(job.fn.node.defaultChild as CfnResource)}.Arn>:*]`,
        reason: `lambda:InvokeFunction on the ${name} and its versions and aliases (grantInvoke adds \`:*\`); no other function.`,
      });
      return new scheduler.Schedule(this, id, {
        description,
        schedule,
        target: new LambdaInvoke(job.fn, {
          role: schedulerRole,
          retryAttempts: 3,
          maxEventAge,
          deadLetterQueue: this.deadLetterQueue,
        }),
      });
    };
    /** Every night at `hour`:30 Oslo time. */
    const nightly = (id: string, job: AppFunction, name: string, hour: string, description: string) =>
      scheduled(
        id,
        job,
        name,
        scheduler.ScheduleExpression.cron({ minute: '30', hour, timeZone: TimeZone.of('Europe/Oslo') }),
        Duration.hours(2),
        description,
      );
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
    // Hourly, not nightly: an entry reaches write-once storage within about an hour and a half, so that
    // is all a table restored from backup, or the retention job's credentials misused (the only ones that
    // may delete an entry), could take from the log unseen; a run is one query and a few small objects.
    // At :25 UTC, once the hour before has settled (EXPORT_SETTLE_MINUTES); a run that fails is taken
    // over by the next, so its retries stop within the hour.
    this.logExportSchedule = scheduled(
      'HourlyLogExport',
      this.logExport,
      'access-log export',
      scheduler.ScheduleExpression.cron({ minute: '25', timeZone: TimeZone.ETC_UTC }),
      Duration.hours(1),
      'Hourly: copy the access log of the hours closed since the last run to its write-once archive',
    );
  }
}
