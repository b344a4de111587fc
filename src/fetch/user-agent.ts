/** The User-Agent Marsad sends: its name, version and what it is, so a site owner can recognise and contact it. */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** `Marsad/<version> (+<homepage>; Arabic news monitor)`, the version read from package.json on first use. */
export function marsadUserAgent(): string {
  const pkg = JSON.parse(
    readFileSync(join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'package.json'), 'utf8'),
  ) as { version?: string; homepage?: string };
  const homepage = pkg.homepage ?? 'https://github.com/marsad-news/marsad';
  return `Marsad/${pkg.version ?? '0'} (+${homepage}; Arabic news monitor)`;
}
