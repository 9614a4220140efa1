export declare function contentSecurityPolicy(styleHashes?: readonly string[]): string;
export declare const STRICT_CSP: string;
