/** Replaced at bundle time by esbuild's `define`; the fallback serves tests run from source. */
declare const OPSBOOK_VERSION: string | undefined;
export const VERSION: string = typeof OPSBOOK_VERSION === 'string' ? OPSBOOK_VERSION : '0.0.0-dev';
