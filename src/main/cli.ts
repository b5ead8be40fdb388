import { backupCommand } from '../cli/backup.command.js';
import { exportCommand } from '../cli/export.command.js';
import { importCommand } from '../cli/import.command.js';
import { importJsonCommand } from '../cli/import-json.command.js';
import { migrateCommand } from '../cli/migrate.command.js';
import { makeExportStaticCommand } from '../cli/export-static.command.js';
import { makeFilesMigrateCommand } from '../cli/files-migrate.command.js';
import { reindexCommand } from '../cli/reindex.command.js';
import { restoreCommand } from '../cli/restore.command.js';
import { seedDemoCommand } from '../cli/seed-demo.command.js';
import { subscriberEraseCommand, subscriberExportCommand } from '../cli/subscriber.command.js';
import { userAddCommand } from '../cli/user-add.command.js';
import { userDisableCommand } from '../cli/user-disable.command.js';
import { userEnableCommand } from '../cli/user-enable.command.js';
import { userListCommand } from '../cli/user-list.command.js';
import { userSetPasswordCommand } from '../cli/user-set-password.command.js';
import { userSetRoleCommand } from '../cli/user-set-role.command.js';
import { ConfigError, loadConfig } from '../config.js';
import { StorageUnavailableError } from '../domain/errors.js';
import { composeSystem } from './compose.js';
import { systemOptionsFrom } from './system-options.js';
import { filesMigrationFromConfig } from './file-store.js';
import { staticExportFromConfig } from './static-renderer.js';

const commands = [migrateCommand, reindexCommand, seedDemoCommand, userAddCommand, userSetPasswordCommand, userListCommand, userDisableCommand, userEnableCommand, userSetRoleCommand, makeExportStaticCommand(staticExportFromConfig), exportCommand, importJsonCommand, importCommand, subscriberExportCommand, subscriberEraseCommand, makeFilesMigrateCommand(filesMigrationFromConfig)];

/** Commands that work on the data directory itself and must not open (or create) the database first. */
const standaloneCommands = [backupCommand, restoreCommand];

function help(): string {
  const all = [...commands, ...standaloneCommands];
  const width = Math.max(...all.map((c) => c.name.length)) + 2;
  return [
    'Usage: pressroom <command> [options]',
    '',
    'Commands:',
    ...all.map((c) => `  ${c.name.padEnd(width)}${c.summary}`),
    '',
    'Start the web server with `npm start`. Settings come from the environment:',
    '  PORT, HOST, PRESSROOM_DATA, DATABASE_URL, PRESSROOM_SITE_NAME, PRESSROOM_TIME_ZONE,',
    '  PRESSROOM_BASE_URL, PRESSROOM_DEMO, PRESSROOM_S3_*, LOG_LEVEL (see README.md, "Configuration").',
  ].join('\n');
}

/** `pressroom`: each subcommand calls the same application commands as the web handlers. */
async function main(argv: string[]): Promise<number> {
  // `pressroom user add ...` reads as `pressroom user-add ...` (and set-password, list, disable, enable, set-role); likewise `subscriber export|erase`, `files migrate`.
  const words =
    argv[0] === 'user' && ['add', 'set-password', 'list', 'disable', 'enable', 'set-role'].includes(argv[1] ?? '')
      ? [`user-${argv[1]}`, ...argv.slice(2)]
      : argv[0] === 'subscriber' && ['export', 'erase'].includes(argv[1] ?? '')
        ? [`subscriber-${argv[1]}`, ...argv.slice(2)]
        : argv[0] === 'files' && argv[1] === 'migrate'
          ? ['files-migrate', ...argv.slice(2)]
          : argv;
  const [name, ...rest] = words;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(help());
    return 0;
  }
  const standalone = standaloneCommands.find((c) => c.name === name);
  if (standalone) {
    if (rest.includes('--help')) {
      console.log(`pressroom ${standalone.name}: ${standalone.summary}`);
      return 0;
    }
    return standalone.run(loadConfig(), rest);
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    console.error(`Unknown command "${name}".\n\n${help()}`);
    return 2;
  }
  if (rest.includes('--help')) {
    console.log(`pressroom ${command.name}: ${command.summary}`);
    return 0;
  }
  const config = loadConfig();
  const system = await composeSystem(systemOptionsFrom(config));
  try {
    return await command.run(system, rest);
  } finally {
    await system.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : error instanceof StorageUnavailableError ? error.detail : error);
    process.exit(1);
  },
);
