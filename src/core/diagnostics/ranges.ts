import { YamlPositions } from '../parse/yaml';
import type { Anchor, Range } from '../types';

/**
 * The source ranges one file's diagnostics need and has not resolved: its YAML text (or front
 * matter) and the anchors. Plain data, so a host can resolve them on another thread
 * (`resolveRanges`) while its own thread does something else, then hand them back to the
 * workspace (`OpsbookWorkspace.addRanges`). Resolving them costs a full YAML parse per file.
 */
export interface RangeJob {
  path: string;
  text: string;
  lineOffset: number;
  anchors: Anchor[];
}

/** The ranges of a job's anchors, in order: what `rangeOf` would find in the workspace's own thread. */
export function resolveRanges(job: RangeJob): Range[] {
  const positions = new YamlPositions(job.text, job.lineOffset);
  return job.anchors.map((a) => positions.rangeOf(a.doc, a.path, a.part));
}
