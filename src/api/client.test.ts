import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { server } from '../../mocks/node';
import { apiBaseUrl, apiGet, apiSend } from './client';
import { ContractError, HttpError, NetworkError, SignInRequiredError, describeError } from './errors';

const url = (path: string) => `${apiBaseUrl()}${path}`;

describe('apiGet', () => {
  it('returns the board, parsed by the contract', async () => {
    const board = await apiGet('board');
    expect(board.name).toBe('Wolverhampton Safeguarding Children Board');
  });

  it('fills path parameters', async () => {
    const indicator = await apiGet('indicator', { params: { id: 'referrals' } });
    expect(indicator.title).toBe('Referrals to children’s social care');
  });

  it('reports a network failure as a NetworkError', async () => {
    server.use(http.get(url('/board'), () => HttpResponse.error()));
    await expect(apiGet('board')).rejects.toBeInstanceOf(NetworkError);
  });

  it('reports an HTTP failure with its status and the server’s message', async () => {
    server.use(
      http.get(url('/board'), () => HttpResponse.json({ message: 'Database offline' }, { status: 503 })),
    );
    const error = await apiGet('board').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).status).toBe(503);
    expect((error as HttpError).serverMessage).toBe('Database offline');
  });

  it('keeps the data service’s reference for the request, and the message a person sees quotes it', async () => {
    server.use(
      http.get(url('/board'), () =>
        HttpResponse.json(
          { message: 'The data service had a problem.', reference: 'req-1234abcd' },
          { status: 500, headers: { 'X-Request-Id': 'req-1234abcd' } },
        ),
      ),
    );
    const error = await apiGet('board').catch((e: unknown) => e);
    expect((error as HttpError).reference).toBe('req-1234abcd');
    expect(describeError(error).detail).toBe(
      'Nothing you did caused this; try again in a moment. Reference: req-1234abcd.',
    );
  });

  it('takes the reference from the X-Request-Id header when the body has none', async () => {
    server.use(
      http.get(url('/board'), () =>
        HttpResponse.json(
          { message: 'No access' },
          { status: 403, headers: { 'X-Request-Id': 'req-5678efgh' } },
        ),
      ),
    );
    const error = await apiGet('board').catch((e: unknown) => e);
    expect(describeError(error).detail).toContain('Reference: req-5678efgh.');
  });

  it('names the field of a response that breaks the contract', async () => {
    server.use(
      http.get(url('/indicators/referrals'), () =>
        HttpResponse.json({
          id: 'referrals',
          title: 'Broken',
          series: [{ period: 'Q1 2016-17', value: 'ten' }],
        }),
      ),
    );
    const error = await apiGet('indicator', { params: { id: 'referrals' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContractError);
    expect((error as ContractError).field).toBe('shortTitle');
  });

  it('keeps the items of a list that keep the contract, and counts the ones it left out', async () => {
    const good = (await apiGet('indicators')).indicators;
    server.use(
      http.get(url('/indicators'), () =>
        HttpResponse.json({ indicators: [{ ...good[0], decimalPlaces: 9 }, ...good.slice(1)] }),
      ),
    );
    const list = await apiGet('indicators');
    expect(list.indicators.map((i) => i.id)).toEqual(good.slice(1).map((i) => i.id));
    expect(list.skipped).toEqual({
      count: 1,
      technical: ['indicators[0].decimalPlaces: Invalid input'],
    });
  });

  it('treats a body cut short as a contract breach', async () => {
    server.use(
      http.get(
        url('/board'),
        () => new HttpResponse('{"id": "wolv', { headers: { 'Content-Type': 'application/json' } }),
      ),
    );
    await expect(apiGet('board')).rejects.toBeInstanceOf(ContractError);
  });

  it('treats an HTML page where data was expected as a sign-in page (a single sign-on proxy)', async () => {
    server.use(
      http.get(
        url('/board'),
        () => new HttpResponse('<html>Sign in</html>', { headers: { 'Content-Type': 'text/html' } }),
      ),
    );
    const error = await apiGet('board').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SignInRequiredError);
    expect(describeError(error)).toMatchObject({ title: 'You need to sign in', signIn: true });
  });

  it('does not follow a redirect with the person’s cookies, and treats it as a sign-in page', async () => {
    let followed = false;
    server.use(
      http.get(
        url('/board'),
        () => new HttpResponse(null, { status: 302, headers: { Location: 'https://evil.example/board' } }),
      ),
      http.get('https://evil.example/board', () => {
        followed = true;
        return HttpResponse.json({});
      }),
    );
    const error = await apiGet('board').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SignInRequiredError);
    expect(followed).toBe(false);
  });

  it('sends the browser’s credentials, for a council’s sign-in', async () => {
    let credentials: RequestCredentials | undefined;
    server.use(
      http.get(url('/board'), ({ request }) => {
        credentials = request.credentials;
        return HttpResponse.json({ message: 'Sign in' }, { status: 401 });
      }),
    );
    const error = await apiGet('board').catch((e: unknown) => e);
    expect(credentials).toBe('include');
    expect(describeError(error).title).toBe('You need to sign in');
  });
});

describe('apiSend', () => {
  it('returns 422 field errors from the demo API for an invalid update', async () => {
    const error = await apiSend(
      'updateAction',
      { status: 'complete', progress: 40, version: 1 },
      { params: { id: 'performance-framework' } },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).status).toBe(422);
    expect((error as HttpError).fieldErrors.progress).toEqual(['A complete action is 100% done']);
  });

  it('saves a valid update', async () => {
    const action = await apiSend(
      'updateAction',
      { status: 'on-track', progress: 75, note: 'Health data received.', version: 1 },
      { params: { id: 'performance-framework' } },
    );
    expect(action.progress).toBe(75);
    expect(action.updates.at(-1)?.note).toBe('Health data received.');
  });
});

describe('describeError', () => {
  it('explains 403 as no access, not a generic error', () => {
    expect(describeError(new HttpError('/x', 403, null)).title).toBe('You do not have access to this data');
  });
});
