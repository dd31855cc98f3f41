import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { ObjectWriter } from './object-writer';

/**
 * The archive bucket as an ObjectWriter: one PutObject per object, nothing else (the function's role
 * may do nothing else there). A bucket with Object Lock requires an integrity checksum on every PUT:
 * the SDK sends one by default (CRC32), and the bucket's default retention applies to each object.
 */
export function s3ObjectWriter(bucket: string, client: S3Client = new S3Client({})): ObjectWriter {
  return {
    async put(key, body) {
      await client.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: key,
          Body: body,
          ContentType: 'application/x-ndjson; charset=utf-8',
          ChecksumAlgorithm: 'CRC32',
        }),
      );
    },
  };
}
