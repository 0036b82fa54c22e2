import type { Feature } from './api';
import { activateChanges } from './changes/view';
import { activateInitFromFiles } from './commands/initFromFiles';
import { activateDashboard } from './dashboard/panel';
import { activateRecordForms } from './form/panel';
import { activateSearch } from './search/quickPick';
import { activateDocumentsView } from './views/documents';
import { activatePlansView } from './views/plans';
import { activateRegistersView } from './views/registers';
import { activateTables } from './table/panel';

/**
 * The feature modules built on the model hub (views, search, dashboard), activated in this
 * order after the extension's own diagnostics, language features and commands. Each one
 * registers into `context.subscriptions`; a feature that throws is reported and skipped.
 */
export const features: readonly { name: string; activate: Feature }[] = [
  { name: 'Plans view', activate: activatePlansView },
  { name: 'Registers view', activate: activateRegistersView },
  { name: 'Documents view', activate: activateDocumentsView },
  { name: 'Search', activate: activateSearch },
  { name: 'Dashboard', activate: activateDashboard },
  { name: 'Changes view', activate: activateChanges },
  { name: 'Initialize from Existing Files', activate: activateInitFromFiles },
  { name: 'Record forms', activate: activateRecordForms },
  { name: 'Register tables', activate: activateTables },
];
