/**
 * The engine's one public entry: hosts (`src/cli`, `src/vscode`, `src/node`) import core only
 * from here (a lint rule and test/core/layers.test.ts say so). Everything else in `src/core`
 * is the engine's own business and may move.
 *
 * ```ts
 * const init = { fs, builtinPacks, clock };
 * const cached = await checkFromCache(init); // an unchanged folder: diagnostics without a model
 * const { workspace, configProblems } = await openWorkspace(init);
 * workspace.diagnostics();
 * workspace.setFile('plans/2026.yaml', text); // re-checks only what depended on it
 * workspace.planTree(); workspace.dashboard(); workspace.search('greeting status:approved');
 * await workspace.save(); // the warm-start cache
 * ```
 */

// ---- Opening a folder ------------------------------------------------------------------------
export type { OpsbookWorkspace, SaveOptions } from './front/api';
export type { WorkspaceModel } from './model/queries';
export { checkFromCache, createWorkspace, fileFilter, openWorkspace, planTreeFromCache, prepareWorkspace, reportFromCache, searchFromCache } from './engine';
export type { CachedCheck, EngineInit, OpenResult, WorkspaceSetup } from './engine';
export type {
  CachedFile,
  CachedFileState,
  CachedState,
  CachedSummary,
  CachedWorkspace,
  Clock,
  FileStamp,
  PackSource,
  WarmCache,
  SearchPart,
  SearchPartChunks,
  WorkspaceFileSystem,
} from './host';
export { SchemaCache } from './schema/compiled';
export { packFileState, unpackFileState } from './warm/pack';
export { BUILD, VERSION } from './version';

// ---- The data: diagnostics, entities, configuration, parsed files ----------------------------
export type {
  Anchor,
  AnchorPart,
  Diagnostic,
  Finding,
  Fix,
  JsonObject,
  JsonValue,
  NodePath,
  Position,
  Range,
  RelatedLocation,
  Severity,
  SeveritySetting,
  TextEdit,
} from './types';
export { compareEntities, entityKey, field, num, str } from './model/entity';
export type { Entity, Reference } from './model/entity';
export type { ConfigProblem, KindConfig, Layout, ResolvedConfig, ReviewRule, TemplateRef, VocabularyClass, VocabularyConfig } from './config/types';
export { formatOf, MAX_FILE_BYTES, parseFile, parseInput, type ParseInput } from './parse/file';
export { rangesOf, type RangeJob, type RangeMany } from './parse/positions';
export type { FileFormat, ParsedFile } from './parse/file';
export { countLines, decodeText, LineIndex } from './parse/text';
export { parsePathPattern } from './model/pathPattern';
export type { PathStep } from './model/pathPattern';
export { schemaAt } from './model/schemaRefs';
export { joinRelative } from './config/packs';

// ---- Computed views --------------------------------------------------------------------------
export { attainment, buildPlanTree, kpiPace } from './plan/tree';
export { flattenPlans } from './dashboard/kpi';
export type { InitiativeNode, KpiForecastNode, KpiNode, ObjectiveNode, Pace, PlanNode, PlanTree } from './plan/tree';
export { buildDashboard } from './dashboard/model';
export type { DashboardData, DashboardOptions } from './dashboard/types';
export { contractBucket, expiringDays } from './dashboard/partners';
export { reviewOverdue } from './dashboard/health';
export { assertNever, isFromWebview, isToWebview, isViewState, safeRelativePath } from './dashboard/protocol';
export type { FromWebview, L10nBundle, ToWebview, ViewState } from './dashboard/protocol';
export { WorkspaceSearch } from './model/search';
export { parseQuery } from './search/query';
export type { SearchHit, SearchOptions, SearchResponse } from './search/types';

// ---- Changes between two versions ------------------------------------------------------------
export { changeOf, diffWorkspaces } from './diff/diff';
export type {
  ChangeType,
  EntityChange,
  FieldChange,
  NestedChange,
  ParseFailure,
  RequiredApprover,
  ReviewDiagnostic,
  SectionChange,
  WorkspaceDiff,
} from './diff/types';
export { changeCount, fieldPhrase, gist, hunkPhrase, numberChange, plainStyle, sectionLabel, sectionPhrase, valueText } from './diff/phrases';
export type { Style } from './diff/phrases';
export { ITEM_KEYS } from './diff/fields';
export { ruleCovers } from './diff/approvers';

// ---- Words and numbers a person reads (the presentation room, shared with the webview) --------
export { configDiagnostics } from './config/diagnostics';
export { configSignature } from './config/signature';
export * from './format/format';
export * from './format/words';
export * from './format/text';

// ---- Creating documents and configurations ---------------------------------------------------
export { defaultPathFor, fillTemplate, templateVars, workspaceCurrency } from './templates';
export type { TemplateVars } from './templates';
export { proposeNextId } from './ids/next';
export type { NextIdOptions } from './ids/next';
export { isValidId } from './ids/valid';
export { valuesInUse } from './vocab/inUse';
export type { VocabularyBinding } from './vocab/bindings';
export { inferConfiguration } from './infer/infer';
export type { InferInput, Inference, InferredField, InferredReference } from './infer/infer';
export { renderConfig, renderSummary } from './infer/render';
export { keptSettings, type KeptSettings } from './infer/kept';
export { addDays, addMonths, daysBetween, isIsoDate } from './util/dates';
export { builtinRules } from './rules/builtin';
export type { Rule, RuleContext } from './rules/rule';

// ---- Spreadsheets: a kind as a flat sheet, and a sheet imported back -------------------------
export { sheetColumns } from './sheet/columns';
export type { CellType, SheetColumn } from './sheet/columns';
export { cellText, isoDate, LIST_SEPARATOR, parseDate, parseNumber } from './sheet/cells';
export type { InputCell, SheetCell } from './sheet/cells';
export { exportSheet } from './sheet/rows';
export type { Rejection, Sheet, UnknownColumn } from './sheet/rows';
export { planImport, SheetImportError } from './sheet/import';
export type { FileWrite, ImportOptions, ImportPlan } from './sheet/import';
export { importSummary, rejectionLine, unknownColumnLine } from './sheet/summary';

// ---- Monitoring: KPI series, forecasts, budget burn, assessments -----------------------------
export { kpiSeries, seriesActual, sumSeries } from './forecast/series';
export type { SeriesPoint } from './forecast/series';
export { forecastSeries, leastSquares } from './forecast/forecast';
export type { Forecast, ForecastMethod, Trend } from './forecast/forecast';
export { kpiForecast, seriesOfKpi } from './forecast/kpi';
export type { KpiForecast, KpiSeries } from './forecast/kpi';
export { expectedShare, planBurn, planExpenses } from './forecast/burn';
export type { Burn, BurnMonth } from './forecast/burn';
export { explainForecast } from './forecast/explain';
export { assessmentsOf } from './rules/people';

// ---- Editing records: the write layer and the record form --------------------------------------
export { editFileText, editYamlText, toTextEdit, yamlRegion, applyToValue } from './edit/edit';
export type { EditOp, EditResult, OffsetEdit } from './edit/edit';
export { buildRecordForm, candidatesOf } from './form/build';
export { candidateSearch } from './form/fuzzy';
export type { CandidateSearch } from './form/fuzzy';
export { formChangeOp, isFromForm, isToForm } from './form/protocol';
export type { FormChange, FromForm, ToForm } from './form/protocol';
export type { Candidate, FieldProblem, FormField, RecordForm, TableRow, Widget } from './form/types';

// ---- Register tables: a kind (or one file of it) as an editable grid ---------------------------
export { buildGridTable, rowKey } from './table/model';
export type { BuiltTable, GridSource, RowRecord } from './table/model';
export { itemLists } from './table/items';
export type { ItemList } from './table/items';
export { gridView } from './table/view';
export { addRowEdit, cellEdit, deleteRowEdit, duplicateRowEdit } from './table/edits';
export type { GridEditResult, GridWrite } from './table/edits';
export { isFromGrid } from './table/protocol';
export type { FromGrid, GridCell, GridColumn, GridProblem, GridRow, GridSort, GridTable, GridTotal, GridView, ToGrid } from './table/protocol';
export { applyGridDelta } from './table/protocol';
export type { GridDelta } from './table/protocol';
export { emptyDelta, gridDelta } from './table/delta';
export { planMissingRecord } from './create/missing';
export type { CreatePlan } from './create/missing';
export { childKinds, childListPath, planChildRecord } from './create/child';
export { topOf } from './diff/nested';
export type { ChildPlan } from './create/child';

// ---- Precompiled validators (the build's ajv standalone code, src/node/precompile.ts) ---------
export { createAjv, stripId } from './config/ajv';
export { precompiledValidator, schemaHash } from './schema/precompiled';
