/**
 * The engine as a library for Node scripts (benchmarks, integrations): the same pieces the
 * CLI uses, bundled as dist/engine.js.
 */
export { checkFromCache, openWorkspace, prepareWorkspace } from '../core/engine';
export { WorkspaceSearch } from '../core/model/search';
export { buildPlanTree } from '../core/plan/tree';
export { NodeWorkspaceFs } from './fs';
export { NodeWarmCache } from './cache';
export { builtinPacks, systemToday } from './host';
export { parallelParser } from './parallel';
export { parseFile } from '../core/parse/file';
