/// <reference types="vite/client" />

/** True in `vite dev`, the demo build and tests: the app starts the MSW worker before rendering. */
declare const __MOCKS_ENABLED__: boolean;

interface ImportMetaEnv {
  /** Base URL of the board's API, for example `https://api.example.gov.uk/lscb/v1`. Defaults to `/api/v1`. */
  readonly VITE_API_BASE_URL?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
