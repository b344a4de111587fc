/** How a postgres:// location reaches the store: flags and environment (no database needed). */
import { describe, expect, it } from 'vitest';
import { openConfiguredStore } from '../../src/app/open-store.ts';
import { loadConfig } from '../../src/config/load.ts';
import { displayLocation } from '../../src/store/location.ts';

const SHARED = 'postgres://newsroom@db.example/akhbar';

describe('server-mode configuration', () => {
  it('takes MARSAD_DATABASE_URL over MARSAD_DB, and a --db flag over both', () => {
    expect(loadConfig({}, { MARSAD_DATABASE_URL: SHARED, MARSAD_DB: '/srv/marsad.db' }).dbPath).toBe(SHARED);
    expect(loadConfig({ db: './local.db' }, { MARSAD_DATABASE_URL: SHARED }).dbPath).toBe('./local.db');
    expect(loadConfig({}, { MARSAD_DATABASE_URL: '  ', MARSAD_DB: '/srv/marsad.db' }).dbPath).toBe('/srv/marsad.db');
  });

  it('does not look for a file named like the URL when the database must exist, and reports the server as unreachable', async () => {
    const config = loadConfig({ db: 'postgres://newsroom:kalimat-sirr@127.0.0.1:1/akhbar' });
    await expect(openConfiguredStore(config, { mustExist: true })).rejects.toMatchObject({
      code: 'store/failed',
      message: expect.stringContaining('postgres://newsroom:***@127.0.0.1:1/akhbar'),
    });
  });

  it('prints locations with the password masked and file paths unchanged', () => {
    expect(displayLocation('postgresql://newsroom:kalimat-sirr@db.example/akhbar?schema=x')).toBe(
      'postgresql://newsroom:***@db.example/akhbar?schema=x',
    );
    expect(displayLocation('./marsad.db')).toBe('./marsad.db');
  });
});
