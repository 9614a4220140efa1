import { z } from 'zod/mini';

// zod/mini rather than classic zod: the same validation with tree-shakable checks, about 16 kB
// less gzipped JavaScript on the first page.
//
// The app runs under a strict Content-Security-Policy (no eval). Zod's JIT compiles parsers with
// `new Function`, and even probing for it raises a CSP violation report, so switch it off before
// any schema is built. Every contract module imports `z` from here to guarantee that order.
z.config({ jitless: true });

export { z };
export type RefinementCtx<T = unknown> = z.core.$RefinementCtx<T>;
