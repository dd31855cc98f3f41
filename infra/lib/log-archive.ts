import { archiveRetentionYears, daysCovering } from '@crux/domain/privacy/log-export';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

export type LogArchiveProps = {
  /** The table's key: the archive holds what the table holds, under the key the foundation controls. */
  key: kms.IKey;
  /** Where S3 writes who reached the archive (the web construct's access-log bucket). */
  serverAccessLogs: s3.IBucket;
};

/** How many days an archived object is locked and kept: the access log's retention, in days that cover it. */
export const archiveRetentionDays = daysCovering(archiveRetentionYears);

/**
 * The access log's write-once copy (issue 11, Normen fact sheet 15): S3 Object Lock in compliance mode,
 * so no one, the account's root included, can delete or overwrite an archived entry before the log's
 * retention has run; then the lifecycle removes it, as the retention job removes the table's copy.
 * Versioned (Object Lock requires it): a PUT of a key again, as a rerun after a crash does, adds an
 * identical version, itself locked; the lifecycle removes a version a day after it stopped being the
 * current one, which S3 does only once its lock has run out.
 */
export class LogArchive extends Construct {
  readonly bucket: s3.Bucket;

  constructor(scope: Construct, id: string, props: LogArchiveProps) {
    super(scope, id);
    this.bucket = new s3.Bucket(this, 'Bucket', {
      objectLockEnabled: true,
      objectLockDefaultRetention: s3.ObjectLockRetention.compliance(Duration.days(archiveRetentionDays)),
      versioned: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.KMS,
      encryptionKey: props.key,
      // One data key per bucket and period rather than a KMS request per object.
      bucketKeyEnabled: true,
      enforceSSL: true,
      serverAccessLogsBucket: props.serverAccessLogs,
      serverAccessLogsPrefix: 'access-log-archive/',
      lifecycleRules: [
        {
          id: 'ExpireAfterRetention',
          expiration: Duration.days(archiveRetentionDays),
          noncurrentVersionExpiration: Duration.days(1),
        },
        { id: 'RemoveExpiredDeleteMarkers', expiredObjectDeleteMarker: true },
      ],
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }
}
