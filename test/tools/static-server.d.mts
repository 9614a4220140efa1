export declare const STRICT_CSP: string;
export declare function startStaticServer(options: {
  root: string;
  headers?: Record<string, string>;
  api?: {
    prefix: string;
    handle: (method: string, path: string, body: unknown) => { status: number; body: unknown };
  };
}): Promise<{ url: string; close: () => Promise<void> }>;
