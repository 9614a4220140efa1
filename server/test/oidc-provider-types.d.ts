// oidc-provider ships no types; the tests use this much of it.
declare module 'oidc-provider' {
  interface KoaContext {
    path: string;
    body: unknown;
  }
  export default class Provider {
    constructor(issuer: string, configuration: Record<string, unknown>);
    proxy: boolean;
    use(middleware: (ctx: KoaContext, next: () => Promise<void>) => Promise<void>): void;
    callback(): (req: unknown, res: unknown) => void;
  }
}
