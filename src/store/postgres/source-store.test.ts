import { afterAll, beforeAll, describe } from 'vitest';
import { describeSourceStoreContract } from '../source-store.contract.ts';
import { postgresTestTarget, startTestDatabase, type TestDatabase } from './testing/test-database.ts';

const target = postgresTestTarget(process.env);

describe.skipIf(target === null)('PostgreSQL SourceStore', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await startTestDatabase(target!);
  });
  afterAll(async () => {
    await database?.stop();
  });
  describeSourceStoreContract('postgres', () => database.openEmptyStore());
});
