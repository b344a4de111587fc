/** Commander option parsers shared by the verbs. */
import { InvalidArgumentError } from 'commander';

/** Commander parser for positive integer options. */
export function parsePositiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('expected a positive integer.');
  return n;
}
