/** Vitest global setup: compiles the CLI (scripts/build.mjs) once, so tests that spawn ./marsad run the current source. */
import { buildCli } from '../../scripts/build.mjs';

export default async function setup(): Promise<void> {
  await buildCli();
}
