/** Where a command writes; the real process in `bin`, buffers in tests. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
  /** Whether stdout is a terminal (colours, progress). */
  isTty?: boolean;
}

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

/** A usage or configuration error: printed on stderr, exit code 2. */
export class UsageError extends Error {}
