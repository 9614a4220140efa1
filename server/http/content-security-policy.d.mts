export declare const STRICT_CSP: string;
