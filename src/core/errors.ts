/** Engine error codes, one table from code to message template; thrown only when work cannot continue. */

export const ERROR_MESSAGES = {
  'input/empty': 'The input is empty.',
  'input/too-large': 'The input exceeds the size limit.',
  'input/binary': 'The input looks binary, not text or HTML.',
  'input/undecodable': 'The input could not be decoded as UTF-8, UTF-16 or windows-1256.',
  'input/malformed': 'The input could not be parsed.',
  'input/not-found': 'The input path does not exist.',
  'input/unreadable': 'The input could not be read.',
  'input/not-regular': 'Only regular files are read (not devices, FIFOs or sockets).',
  'input/timeout': 'Reading the input took longer than the time limit.',
  'store/not-found': 'No such record.',
  'store/failed': 'The database operation failed.',
  'analyze/failed': 'The page could not be analysed.',
  'usage/invalid': 'Invalid arguments.',
  'model/missing': 'A trained model file is missing.',
  'fetch/blocked': 'The address is not allowed.',
  'fetch/disallowed': 'robots.txt disallows this URL.',
  'fetch/failed': 'The URL could not be fetched.',
  'fetch/timeout': 'The server did not answer in time.',
} as const;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

/** The one error type domain code throws; CLI maps it to exit codes, the server to HTTP status. */
export class EngineError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, detail?: string, options?: { cause?: unknown }) {
    super(detail ? `${ERROR_MESSAGES[code]} ${detail}` : ERROR_MESSAGES[code], options);
    this.name = 'EngineError';
    this.code = code;
  }
}

export function isEngineError(value: unknown): value is EngineError {
  return value instanceof EngineError;
}
