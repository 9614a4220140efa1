import { test } from './fixtures';
import { removeDataDir, SERVICE_SETUP_BUDGET, startDataService, type DataService } from './data-service';

/**
 * A built data service for the tests of one describe block: started before them (with a budget for
 * a loaded machine, where starting and migrating takes a while), stopped and its data removed after.
 * The block's tests read it as `service.current`.
 */
export function serviceForTests(options?: Parameters<typeof startDataService>[0]): { current: DataService } {
  const service = {} as { current: DataService };
  test.beforeAll(async () => {
    test.setTimeout(SERVICE_SETUP_BUDGET);
    service.current = await startDataService(options);
  });
  test.afterAll(async () => {
    if (!service.current) return;
    await service.current.stop();
    removeDataDir(service.current.dataDir);
  });
  return service;
}
