import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decodeJwt, exportJWK, generateKeyPair, SignJWT, type JWTPayload } from 'jose';
import Provider from 'oidc-provider';

export interface ProviderAccount {
  email: string;
  email_verified: boolean;
  name: string;
}

export const CLIENT_ID = 'safeguarding-board';
export const CLIENT_SECRET = 'a client secret for the tests only';

/**
 * A real OpenID Connect provider (oidc-provider) on a loopback port, with its development login
 * page (any login name, any password). `accounts` are the people it knows, by login name.
 * `tamper`, when set, re-signs the ID token it issues with the provider's own key after changing
 * some claims: a provider answering for another client, or with a token that has expired.
 */
export class TestProvider {
  tamper: ((claims: JWTPayload) => JWTPayload) | null = null;
  private constructor(
    readonly issuer: string,
    private readonly server: Server,
  ) {}

  static async start(): Promise<TestProvider> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return new TestProvider(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, server);
  }

  /** Registers the service as the provider's client, once the service's address is known. */
  async attach(serviceUrl: string, accounts: Record<string, ProviderAccount>): Promise<void> {
    const { privateKey } = await generateKeyPair('RS256', { extractable: true });
    const jwk = { ...(await exportJWK(privateKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
    const provider = new Provider(this.issuer, {
      clients: [
        {
          client_id: CLIENT_ID,
          client_secret: CLIENT_SECRET,
          redirect_uris: [`${serviceUrl}/api/v1/sso/callback`],
          grant_types: ['authorization_code'],
          response_types: ['code'],
        },
      ],
      jwks: { keys: [jwk] },
      cookies: { keys: ['cookie key for the tests only'] },
      pkce: { required: () => true },
      claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
      findAccount: (_ctx: unknown, id: string) =>
        accounts[id] ? { accountId: id, claims: () => ({ sub: id, ...accounts[id] }) } : undefined,
    });
    provider.use(async (ctx, next) => {
      await next();
      const body = ctx.body as { id_token?: string } | undefined;
      if (ctx.path === '/token' && this.tamper && body?.id_token) {
        const claims = this.tamper(decodeJwt(body.id_token));
        body.id_token = await new SignJWT(claims)
          .setProtectedHeader({ alg: 'RS256', kid: 'test-key' })
          .sign(privateKey);
      }
    });
    this.server.on('request', provider.callback());
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** A browser's cookie jar across the service and the provider (by host; paths are not needed here). */
export class Browser {
  private readonly jar = new Map<string, Map<string, string>>();

  cookies(url: string): Map<string, string> {
    const host = new URL(url).host;
    if (!this.jar.has(host)) this.jar.set(host, new Map());
    return this.jar.get(host)!;
  }

  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const cookies = this.cookies(url);
    const header = [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const response = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string>), ...(header ? { Cookie: header } : {}) },
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const at = pair!.indexOf('=');
      const name = pair!.slice(0, at).trim();
      const value = pair!.slice(at + 1);
      const expired = attributes.some(
        (a) => /^\s*expires=Thu, 01 Jan 1970/i.test(a) || /^\s*max-age=0/i.test(a),
      );
      if (!value || expired) cookies.delete(name);
      else cookies.set(name, value);
    }
    return response;
  }

  /**
   * Starts single sign-on at the service and signs in at the provider's login page as `login`,
   * following redirects until the provider sends the browser back to the service's callback,
   * whose address is returned (not yet visited).
   */
  async signInAtProvider(serviceUrl: string, login: string): Promise<string> {
    let url = `${serviceUrl}/api/v1/sso/start`;
    for (let step = 0; step < 20; step++) {
      if (url.startsWith(`${serviceUrl}/api/v1/sso/callback`)) return url;
      const response = await this.fetch(url);
      if (response.status >= 300 && response.status < 400) {
        url = new URL(response.headers.get('location')!, url).href;
        continue;
      }
      const html = await response.text();
      const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1];
      const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
      if (response.status !== 200 || !prompt || !action) {
        throw new Error(`Unexpected page at ${url}: ${response.status} ${html.slice(0, 300)}`);
      }
      const form = new URLSearchParams({ prompt, ...(prompt === 'login' ? { login, password: 'any' } : {}) });
      const posted = await this.fetch(new URL(action, url).href, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: form.toString(),
      });
      if (posted.status < 300 || posted.status >= 400) {
        throw new Error(`The provider did not accept the ${prompt} form: ${posted.status}`);
      }
      url = new URL(posted.headers.get('location')!, url).href;
    }
    throw new Error('Too many redirects');
  }
}
