import type { ResolvedConfig } from './types';

/**
 * A stable text of everything in the configuration that affects results (kinds with their
 * schemas, references, rule settings, include/exclude). The warm-start cache is valid only for
 * the same signature; hosts hash it.
 */
export function configSignature(config: ResolvedConfig, extra: readonly string[] = []): string {
  return JSON.stringify({
    include: config.include,
    exclude: config.exclude,
    packs: config.packs,
    kinds: [...config.kinds.values()].map((k) => ({ ...k, schema: k.schema?.json ?? null, fileSchema: k.fileSchema?.json ?? null })),
    references: config.references,
    rules: [...config.rules.entries()],
    vocabularies: [...config.vocabularies.entries()],
    fiscalYearStart: config.fiscalYearStart,
    locale: config.locale ?? null,
    review: config.review,
    extra,
  });
}
