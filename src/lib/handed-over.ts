import type { DehydratedState } from '@tanstack/react-query';

/**
 * The handed-over data, dated now. The data service never serves a page drawn from data that has
 * since changed (a page it kept is drawn anew once the board's data moves on), so the data is as
 * fresh as this response, whatever the server's clock says or however long ago it drew the page.
 */
export function asReceivedNow(state: DehydratedState, now = Date.now()): DehydratedState {
  return {
    ...state,
    queries: state.queries.map((query) => ({ ...query, state: { ...query.state, dataUpdatedAt: now } })),
  };
}
