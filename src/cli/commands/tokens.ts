/** `marsad tokens create|list|revoke`: API tokens for `marsad serve` (stored hashed; shown once at creation). */
import { type Command, InvalidArgumentError } from 'commander';
import { createApiToken, isTokenRole, TOKEN_ROLES, type TokenRole } from '../../app/tokens.ts';
import { EXIT, type CommandContext } from '../io.ts';
import { DB_OPTION_FLAGS, DB_OPTION_HELP } from '../db-option.ts';

function parseRole(value: string): TokenRole {
  if (!isTokenRole(value)) throw new InvalidArgumentError(`expected one of ${TOKEN_ROLES.join(', ')}.`);
  return value;
}

export function registerTokens(program: Command, context: CommandContext): void {
  const env = process.env;
  const tokens = program.command('tokens').description('API tokens for marsad serve: create, list, revoke');
  tokens
    .command('create')
    .description('create a token and print it once (only its hash is stored)')
    .requiredOption('--role <role>', `reader (read), editor (read and ingest) or admin`, parseRole)
    .option('--name <name>', 'who or what the token is for', '')
    .option(DB_OPTION_FLAGS, DB_OPTION_HELP)
    .option('--json', 'print {id, role, name, token} as JSON')
    .action(async (options: { role: TokenRole; name: string; db?: string; json?: boolean }) => {
      const store = await openStoreFor(options.db, env);
      try {
        const { token, record } = await createApiToken(store, { role: options.role, name: options.name });
        context.io.stdout.write(
          options.json
            ? `${JSON.stringify({ id: record.id, role: record.role, name: record.name, token })}\n`
            : `${token}\n`,
        );
        if (!options.json)
          context.io.stderr.write(`token ${record.id} (${record.role}) created; it is not shown again.\n`);
      } finally {
        await store.close();
      }
    });
  tokens
    .command('list')
    .description('list tokens (id, role, name, created, revoked); never the tokens themselves')
    .option(DB_OPTION_FLAGS, DB_OPTION_HELP)
    .option('--json', 'one JSON object per line')
    .action(async (options: { db?: string; json?: boolean }) => {
      const store = await openStoreFor(options.db, env, { mustExist: true });
      try {
        for (const t of await store.listApiTokens()) {
          const { tokenHash: _hash, ...shown } = t;
          context.io.stdout.write(
            options.json
              ? `${JSON.stringify(shown)}\n`
              : `${t.id}  ${t.role.padEnd(6)}  ${t.createdAt}  ${t.revokedAt ? `revoked ${t.revokedAt}` : 'valid'}  ${t.name}\n`,
          );
        }
      } finally {
        await store.close();
      }
    });
  tokens
    .command('revoke')
    .description('revoke a token by id')
    .argument('<id>', 'token id (as listed)')
    .option(DB_OPTION_FLAGS, DB_OPTION_HELP)
    .action(async (id: string, options: { db?: string }) => {
      const store = await openStoreFor(options.db, env, { mustExist: true });
      try {
        if (await store.revokeApiToken(id, new Date().toISOString())) context.io.stdout.write(`revoked ${id}\n`);
        else {
          context.io.stderr.write(`marsad: no valid token ${id}\n`);
          context.setExitCode(EXIT.failed);
        }
      } finally {
        await store.close();
      }
    });
}

/** Opens the configured store, its code loaded on use (so that `marsad --help` starts fast). */
async function openStoreFor(db: string | undefined, env: NodeJS.ProcessEnv, options: { mustExist?: boolean } = {}) {
  const [{ openConfiguredStore }, { loadConfig }] = await Promise.all([
    import('../../app/open-store.ts'),
    import('../../config/load.ts'),
  ]);
  return openConfiguredStore(loadConfig({ db }, env), options);
}
