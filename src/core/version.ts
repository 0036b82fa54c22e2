/** Replaced at bundle time by esbuild's `define`; the fallbacks serve tests run from source. */
declare const OPSBOOK_VERSION: string | undefined;
declare const OPSBOOK_BUILD: string | undefined;
export const VERSION: string = typeof OPSBOOK_VERSION === 'string' ? OPSBOOK_VERSION : '0.0.0-dev';
/**
 * A hash of the engine's sources and schemas at bundle time: caches of computed results are
 * keyed by it, so a rebuilt engine never reads results of another build. Undefined when
 * running from source, where no cache is used.
 */
export const BUILD: string | undefined = typeof OPSBOOK_BUILD === 'string' ? OPSBOOK_BUILD : undefined;
