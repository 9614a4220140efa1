import { dehydrate, hydrate } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { asReceivedNow } from './handed-over';
import { createQueryClient } from './query-client';

describe('data handed over with a page the data service drew', () => {
  it('counts as fresh when the page arrives, however long ago the service first drew it', () => {
    const server = createQueryClient();
    server.setQueryData(
      ['board'],
      { name: 'Wolverhampton Safeguarding Children Board' },
      { updatedAt: 1_000 },
    );
    const drawnAnHourAgo = dehydrate(server);

    const now = 1_000 + 60 * 60 * 1000;
    const browser = createQueryClient();
    hydrate(browser, asReceivedNow(drawnAnHourAgo, now));
    const query = browser.getQueryCache().find({ queryKey: ['board'] })!;
    expect(query.state.data).toEqual({ name: 'Wolverhampton Safeguarding Children Board' });
    expect(query.state.dataUpdatedAt).toBe(now);
    // Taken as it was sent: nothing else in the state is changed.
    expect(asReceivedNow(drawnAnHourAgo, now).queries[0]!.queryKey).toEqual(['board']);
    expect(drawnAnHourAgo.queries[0]!.state.dataUpdatedAt).toBe(1_000);
  });
});
