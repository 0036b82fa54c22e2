import type { Feature } from '../api';
import { buildDocumentsView } from './documentView';
import { createNodeView } from './nodeTree';

export const DOCUMENTS_VIEW_ID = 'opsbook.documents';

/** The Documents view: standards and brand chapters by status. Rows open with `opsbook.openLocation` (registered by the Plans view). */
export const activateDocumentsView: Feature = (context, hub) => {
  createNodeView(context, hub, DOCUMENTS_VIEW_ID, buildDocumentsView);
};
