import { jobKeys } from '@crux/store/keys';
import { accessLogMonths } from '@crux/store/log-keys';
import {
  accessLogDeny,
  changeActions,
  leadingKeysStatement,
  type PolicyJson,
  policy,
  type Statement,
} from './tenant-policy';

/**
 * The access log's export: it reads every centre's log, a month at a time, on the jobs' index (Query on
 * that index only, on its `LOG#<month>` partitions only: the dirty markers beside them stay out of
 * reach), keeps its one marker item, and puts objects into the archive bucket. It can neither change nor
 * delete a log entry, nor delete, overwrite the retention of, or read back an archived object.
 */
export function logExportPolicy(tableArn: string, jobsIndexName: string, bucketArn: string): PolicyJson {
  return policy(
    leadingKeysStatement(
      'AccessLogIndexReadOnly',
      ['dynamodb:Query'],
      [`${tableArn}/index/${jobsIndexName}`],
      [accessLogMonths],
    ),
    leadingKeysStatement(
      'ExportMarkerOnly',
      ['dynamodb:GetItem', 'dynamodb:PutItem'],
      [tableArn],
      [jobKeys.logExportState.PK],
    ),
    accessLogDeny('AccessLogUntouched', [...changeActions, 'dynamodb:PutItem'], tableArn),
    archivePutStatement(bucketArn),
  );
}

/** PutObject, and nothing else, on the archive bucket's objects. */
export function archivePutStatement(bucketArn: string): Statement {
  return { Sid: 'ArchivePutOnly', Effect: 'Allow', Action: ['s3:PutObject'], Resource: [`${bucketArn}/*`] };
}

/**
 * The archive is encrypted with the table's key: putting an object asks S3 for a data key, so the role
 * may generate one, only through S3 in this region, and do nothing else with the key there.
 */
export function archiveKeyStatement(keyArn: string, region: string): Statement {
  return {
    Sid: 'TableKeyViaS3',
    Effect: 'Allow',
    Action: ['kms:GenerateDataKey'],
    Resource: [keyArn],
    Condition: { StringEquals: { 'kms:ViaService': `s3.${region}.amazonaws.com` } },
  };
}
