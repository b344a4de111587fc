/** Builds dist/cli.js and its chunks (scripts/build.mjs). */
export function buildCli(): Promise<void>;
