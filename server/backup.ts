import { resolve } from 'node:path';
import { backup, defaultBackupFile } from './backups';
import { readConfig } from './config';

/** `npm run backup [-- <file>]` */
const config = readConfig();
const file = process.argv[2] ? resolve(process.argv[2]) : defaultBackupFile(config);
backup(config, file).then(
  (written) => console.log(`Backup written to ${written}`),
  (error: unknown) => {
    console.error(`No backup was made: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
