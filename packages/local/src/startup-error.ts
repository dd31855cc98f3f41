/**
 * A reason the embedded runtime cannot start that the person running it can fix. `npm start` prints
 * `message` as one paragraph and exits 1; a stack trace would only hide what to do.
 */
export type StartupErrorCode =
  | 'java_missing'
  | 'java_too_old'
  | 'port_taken'
  | 'data_dir_unusable'
  | 'data_dir_corrupt'
  | 'dynamodb_failed'
  | 'web_build_failed';

export class StartupError extends Error {
  readonly code: StartupErrorCode;

  constructor(code: StartupErrorCode, message: string) {
    super(message);
    this.name = 'StartupError';
    this.code = code;
  }
}

export function isStartupError(e: unknown): e is StartupError {
  return e instanceof StartupError;
}
