import { describeSourceStoreContract } from '../source-store.contract.ts';
import { openSqliteStore } from './sqlite-store.ts';

describeSourceStoreContract('sqlite in memory', async () => openSqliteStore(':memory:'));
