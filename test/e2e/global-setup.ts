import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { removeDataDir, startDataService, TEMPLATE_ENV } from './data-service';

/**
 * Once for the run, before any test's time starts: the data service's embedded database with the
 * demo board and the administrator, made by the built service itself, for each test to copy
 * (`startDataService`). Skipped when the service has not been built (the demo's own specs).
 */
export default async function globalSetup(): Promise<() => void> {
  if (!existsSync(resolve(import.meta.dirname, '../../dist-server/main.js'))) return () => undefined;
  const service = await startDataService();
  await service.stop('SIGTERM');
  process.env[TEMPLATE_ENV] = service.dataDir;
  return () => removeDataDir(service.dataDir);
}
