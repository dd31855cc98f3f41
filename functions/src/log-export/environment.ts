/** The variable that names the archive bucket: set by CDK (infra/lib/jobs.ts), read by the export. */
export const ARCHIVE_BUCKET_VARIABLE = 'ARCHIVE_BUCKET';
