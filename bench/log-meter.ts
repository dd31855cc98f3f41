/**
 * The bytes the functions write to stdout (their Powertools log lines and metric blobs, which in AWS
 * are CloudWatch Logs ingestion), counted and kept off the bench's terminal. The bench's own messages
 * go to stderr.
 */
let bytes = 0;
let installed = false;

export function meterLogs(): { reset(): void; bytes(): number } {
  if (!installed) {
    installed = true;
    process.stdout.write = ((chunk: string | Uint8Array) => {
      bytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length;
      return true;
    }) as typeof process.stdout.write;
  }
  return {
    reset: () => {
      bytes = 0;
    },
    bytes: () => bytes,
  };
}
