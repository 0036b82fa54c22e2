/**
 * The engine as a library for Node scripts (benchmarks, integrations): the same pieces the
 * CLI uses, bundled as dist/engine.js.
 */
export { checkFromCache, openWorkspace, prepareWorkspace } from '../core';
export { WorkspaceSearch } from '../core';
export { buildPlanTree } from '../core';
export { NodeWorkspaceFs } from './fs';
export { NodeWarmCache } from './cache';
export { builtinPacks, systemToday } from './host';
export { parallelParser, parallelRanger } from './parallel';
export { parseFile } from '../core';
