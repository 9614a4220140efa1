import { resolve } from 'node:path';
import { restore } from './backups';
import { readConfig } from './config';

/** `npm run restore -- <file> [--replace]` */
const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--'));
if (!file) {
  console.error('Name the backup file: npm run restore -- backups/board-2026-11-27T09-00-00.tar.gz');
  process.exit(1);
}
restore(readConfig(), resolve(file), { replace: args.includes('--replace') }).then(
  (where) => console.log(`Restored ${file} into ${where}. Start the service as usual.`),
  (error: unknown) => {
    console.error(`Nothing was restored: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
