import { describe, expect, it } from 'vitest';
import { loadConfig } from './load.ts';
import { DEFAULT_BATCH_SIZE, DEFAULT_DB_PATH, DEFAULT_MAX_PAGE_BYTES } from './schema.ts';

describe('loadConfig', () => {
  it('uses defaults when nothing is given', () => {
    expect(loadConfig()).toEqual({
      dbPath: DEFAULT_DB_PATH,
      maxPageBytes: DEFAULT_MAX_PAGE_BYTES,
      batchSize: DEFAULT_BATCH_SIZE,
      allowPrivateNetwork: false,
    });
  });

  it('reads MARSAD_DB and numeric env settings, flags winning over env', () => {
    const env = { MARSAD_DB: '/tmp/env.db', MARSAD_MAX_PAGE_BYTES: '1000', MARSAD_BATCH_SIZE: '7' };
    expect(loadConfig({}, env)).toEqual({
      dbPath: '/tmp/env.db',
      maxPageBytes: 1000,
      batchSize: 7,
      allowPrivateNetwork: false,
    });
    expect(loadConfig({ db: 'flag.db' }, env).dbPath).toBe('flag.db');
  });

  it('ignores empty env values and returns a frozen object', () => {
    const config = loadConfig({}, { MARSAD_DB: '  ' });
    expect(config.dbPath).toBe(DEFAULT_DB_PATH);
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('rejects a bad number with a usage error naming the setting', () => {
    expect(() => loadConfig({}, { MARSAD_BATCH_SIZE: 'many' })).toThrow(/batchSize/);
    expect(() => loadConfig({ maxPageBytes: -1 })).toThrow(expect.objectContaining({ code: 'usage/invalid' }));
  });

  it('allows private networks only when the flag or MARSAD_ALLOW_PRIVATE_NETWORK says so', () => {
    expect(loadConfig({}, { MARSAD_ALLOW_PRIVATE_NETWORK: '1' }).allowPrivateNetwork).toBe(true);
    expect(loadConfig({}, { MARSAD_ALLOW_PRIVATE_NETWORK: 'no' }).allowPrivateNetwork).toBe(false);
    expect(loadConfig({ allowPrivateNetwork: true }, {}).allowPrivateNetwork).toBe(true);
  });
});
