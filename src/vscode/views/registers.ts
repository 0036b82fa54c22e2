import type { Feature } from '../api';
import { createNodeView } from './nodeTree';
import { buildRegistersView } from './registerView';

export const REGISTERS_VIEW_ID = 'opsbook.registers';

/** The Registers view: partners by type, products by category, people by region and role, courses. Rows open with `opsbook.openLocation` (registered by the Plans view). */
export const activateRegistersView: Feature = (context, hub) => {
  createNodeView(context, hub, REGISTERS_VIEW_ID, buildRegistersView);
};
