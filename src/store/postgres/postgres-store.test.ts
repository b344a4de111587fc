import { afterAll, beforeAll, describe } from 'vitest';
import { describeSearchAndEntityContract } from '../search-entities.contract.ts';
import { describeStoreContract } from '../store.contract.ts';
import { postgresTestTarget, startTestDatabase, type TestDatabase } from './testing/test-database.ts';

const target = postgresTestTarget(process.env);

describe.skipIf(target === null)('PostgreSQL store', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await startTestDatabase(target!);
  });
  afterAll(async () => {
    await database?.stop();
  });

  describeStoreContract('postgres', () => database.openEmptyStore());
  describeSearchAndEntityContract('postgres', () => database.openEmptyStore());
});
