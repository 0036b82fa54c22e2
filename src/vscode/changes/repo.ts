import * as path from 'node:path';
import { Git, GitError } from '../../node/git';
import { LOG_FORMAT_ARGS, parseGitLog, type LogEntry } from './historyModel';

/** A ref the user can choose as the base of the Changes view. */
export interface RefChoice {
  name: string;
  kind: 'branch' | 'remote' | 'tag';
}

/**
 * The git repository a workspace folder lives in, seen through the safe runner of
 * `src/node/git.ts` (argument arrays, no prompts, read-only commands). Only ever created in a
 * trusted workspace: git can run programs named in a repository's configuration.
 */
export class Repo {
  private constructor(
    readonly git: Git,
    /** Absolute path of the repository's top folder. */
    readonly toplevel: string,
    /** The workspace folder's path inside the repository (`samples/lumen-oak/`, or `''`). */
    readonly prefix: string,
    /** Folders whose `HEAD`, `refs/` and `packed-refs` say when HEAD or a branch moved. */
    readonly gitDirs: string[],
  ) {}

  /** The repository of a folder, or undefined when the folder is not inside one. Throws when git itself fails. */
  static async open(folderPath: string): Promise<Repo | undefined> {
    const git = new Git(folderPath);
    let location: { toplevel: string; prefix: string };
    try {
      location = await git.location();
    } catch (err) {
      if (err instanceof GitError && /not inside a git repository/.test(err.message)) return undefined;
      throw err;
    }
    const dirs = (await git.run(['rev-parse', '--absolute-git-dir', '--git-common-dir']))
      .toString('utf8')
      .split('\n')
      .map((s) => s.trim())
      .filter(Boolean);
    const gitDirs = [...new Set(dirs.map((d) => path.resolve(folderPath, d)))];
    return new Repo(git, location.toplevel, location.prefix, gitDirs);
  }

  /** Repository-relative path of a folder-relative one. */
  repoPath(rel: string): string {
    return `${this.prefix}${rel}`;
  }

  /** Folder-relative path of a repository-relative one, or undefined when it lies outside the folder. */
  folderPath(repoPath: string): string | undefined {
    return repoPath.startsWith(this.prefix) ? repoPath.slice(this.prefix.length) : undefined;
  }

  /** The upstream branch of the current branch (`origin/main`), if it has one. */
  async upstream(): Promise<string | undefined> {
    try {
      const name = (await this.git.run(['rev-parse', '--abbrev-ref', '--symbolic-full-name', '@{u}'])).toString('utf8').trim();
      return name && !name.startsWith('-') ? name : undefined;
    } catch {
      return undefined;
    }
  }

  /** The commit a revision names (validated: no option injection); throws a GitError with a readable message. */
  resolve(rev: string): Promise<string> {
    return this.git.resolveCommit(rev);
  }

  /** Whether HEAD names a commit (a fresh repository has none yet). */
  async hasCommits(): Promise<boolean> {
    return (await this.revParseHead()) !== undefined;
  }

  /** The commit HEAD names, undefined before the first commit. */
  async revParseHead(): Promise<string | undefined> {
    try {
      const sha = (await this.git.run(['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'])).toString('utf8').trim();
      return /^[0-9a-f]{40,64}$/.test(sha) ? sha : undefined;
    } catch {
      return undefined;
    }
  }

  /** Local branches, remote branches and tags, most recently committed first. */
  async refs(): Promise<RefChoice[]> {
    const out = (await this.git.run(['for-each-ref', '--sort=-committerdate', '--format=%(refname)', 'refs/heads', 'refs/remotes', 'refs/tags'])).toString(
      'utf8',
    );
    const refs: RefChoice[] = [];
    for (const line of out.split('\n')) {
      const full = line.trim();
      if (full.endsWith('/HEAD')) continue;
      if (full.startsWith('refs/heads/')) refs.push({ name: full.slice('refs/heads/'.length), kind: 'branch' });
      else if (full.startsWith('refs/remotes/')) refs.push({ name: full.slice('refs/remotes/'.length), kind: 'remote' });
      else if (full.startsWith('refs/tags/')) refs.push({ name: full.slice('refs/tags/'.length), kind: 'tag' });
    }
    return refs.filter((r) => !r.name.startsWith('-'));
  }

  /** A file's text at a commit (repository-relative path), undefined when it is not there. */
  async show(commit: string, repoPath: string): Promise<string | undefined> {
    if (!/^[0-9a-f]{40,64}$/.test(commit)) throw new GitError(`not a commit id: ${commit}`);
    try {
      return (await this.git.run(['cat-file', 'blob', `${commit}:${repoPath}`])).toString('utf8');
    } catch {
      return undefined;
    }
  }

  /** The commits that touched a file (following renames), newest first. */
  async log(repoPath: string, max = 50): Promise<LogEntry[]> {
    const out = await this.git.run(['log', '--follow', `-n${max}`, ...LOG_FORMAT_ARGS, '--end-of-options', 'HEAD', '--', `:(top,literal)${repoPath}`]);
    return parseGitLog(out.toString('utf8'), repoPath);
  }
}
