/**
 * The engine reaches the outside world only through these interfaces. The CLI implements them
 * with Node's fs, the extension with VS Code's workspace API, tests with in-memory maps.
 */

/** Read access to one workspace folder. Paths are posix, relative to the root. */
export interface WorkspaceFileSystem {
  /** Every file below the root that is not pruned by `exclude` (directories matching are skipped). */
  listFiles(exclude: (path: string) => boolean): Promise<string[]>;
  /** File contents; `undefined` when the file does not exist or cannot be read. */
  readFile(path: string): Promise<Uint8Array | string | undefined>;
  /** Size in bytes without reading the file, when cheap (lets oversized files be skipped). */
  size?(path: string): Promise<number | undefined>;
}

/** A pack folder (built-in, local, or contributed by another extension): read-only files. */
export interface PackSource {
  /** Display name: `ops` for the built-in pack, the relative path for local packs. */
  readonly name: string;
  /** Text of a file in the pack, `undefined` when absent. Paths are relative to the pack. */
  read(path: string): Promise<string | undefined>;
}

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
}

export const silentLogger: Logger = { info: () => undefined, warn: () => undefined };

/** Today's date as `YYYY-MM-DD`, from the system clock in the host. */
export type Clock = () => string;
