import type { Page } from '@playwright/test';
import { addPerson, removeDataDir, signIn, startDataService, type DataService } from './data-service';
import { test } from './fixtures';

interface Person {
  email: string;
  name: string;
  role: string;
  /** A contributor's agencies. */
  agencyIds?: readonly string[];
}

/**
 * The built data service with the demo board, for a spec's serial tests, and the people it
 * names added with one password; `as` signs one of them in and opens a page.
 */
export function demoBoardWith<P extends Record<string, Person>>(people: P, password: string) {
  let service: DataService;
  test.describe.configure({ mode: 'serial' });

  test.beforeAll(async ({ playwright }) => {
    test.setTimeout(120_000);
    service = await startDataService();
    const request = await playwright.request.newContext();
    for (const person of Object.values(people))
      await addPerson(request, service, { ...person, agencyIds: [...(person.agencyIds ?? [])] }, password);
    await request.dispose();
  });

  test.afterAll(async () => {
    if (!service) return;
    await service.stop();
    removeDataDir(service.dataDir);
  });

  return {
    async as(page: Page, who: keyof P, path: string) {
      await signIn(page, service, people[who]!.email, password);
      await page.goto(`${service.url}${path}`);
    },
  };
}
