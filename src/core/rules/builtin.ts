import {
  approvalMissing,
  belowFloor,
  belowReorder,
  budgetExceeded,
  contractDates,
  dateOrder,
  dueOutsidePeriod,
  overBudget,
  overdue,
  rollupMismatch,
  trainingRequired,
} from './ops';
import { cycle, duplicateId, references } from './identity';
import type { Rule } from './rule';
import { actualMismatch, forecastMiss } from './series';
import { burnAhead } from './burn';
import { assessmentOverdue, successionGap } from './people';

/** Every built-in rule. Packs and `opsbook.yaml` set their severities and options. */
export const builtinRules: readonly Rule[] = [
  duplicateId,
  references,
  cycle,
  dateOrder,
  rollupMismatch,
  budgetExceeded,
  dueOutsidePeriod,
  overBudget,
  overdue,
  belowFloor,
  belowReorder,
  contractDates,
  approvalMissing,
  trainingRequired,
  actualMismatch,
  forecastMiss,
  burnAhead,
  assessmentOverdue,
  successionGap,
];
