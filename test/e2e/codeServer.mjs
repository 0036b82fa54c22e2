// @ts-check
/**
 * Harness for running the packaged extension in a real VS Code: code-server
 * (VS Code's web build, installed from npm) driven in Debian's Chromium by
 * playwright-core. See SPEC §7. Plain ESM so it runs on Node 20 without a build.
 *
 * Everything here waits on conditions (HTTP answers, DOM state), never on fixed
 * sleeps.
 */
import { execFile, spawn } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import * as fs from 'node:fs/promises';
import * as http from 'node:http';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import process from 'node:process';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

/** code-server version pinned by SPEC §7 (it requires Node 20). */
export const CODE_SERVER_VERSION = '4.100.3';

/** The project root (two levels above this file). */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Debian's Chromium, driven by playwright-core (no browser download). */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/**
 * @typedef {(message: string) => void} Logger
 * @typedef {{ what: string, install: string }} MissingPrerequisite
 */

/** @type {Logger} */
const quiet = () => {};

/**
 * @param {string} cmd
 * @returns {string | undefined} the absolute path of `cmd` on PATH
 */
function which(cmd) {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir && existsSync(path.join(dir, cmd))) return path.join(dir, cmd);
  }
  return undefined;
}

/**
 * @param {string} pkgConfigName
 * @returns {Promise<boolean>} whether pkg-config knows the library
 */
function hasPkgConfig(pkgConfigName) {
  return new Promise((resolve) => {
    execFile('pkg-config', ['--exists', pkgConfigName], (err) => resolve(!err));
  });
}

/**
 * System prerequisites that are missing. Each entry names what is missing and
 * the exact command that installs it. The -dev libraries are only needed while
 * code-server is not yet installed in the cache (its native modules build
 * against them).
 * @returns {Promise<MissingPrerequisite[]>}
 */
export async function checkPrerequisites() {
  /** @type {MissingPrerequisite[]} */
  const missing = [];
  const apt = (/** @type {string[]} */ pkgs) => `apt-get install -y --no-install-recommends ${pkgs.join(' ')}`;
  if (!existsSync(CHROMIUM_PATH)) missing.push({ what: `Chromium at ${CHROMIUM_PATH}`, install: apt(['chromium']) });
  if (!which('rg')) missing.push({ what: "ripgrep (rg), used for code-server's search", install: apt(['ripgrep']) });
  if (!which('tar')) missing.push({ what: 'tar', install: apt(['tar']) });
  if (!existsSync(fontMarker)) missing.push({ what: 'a font, so screenshots show text', install: apt(['fonts-dejavu-core']) });
  if (!existsSync(cjkFontMarker)) missing.push({ what: 'a Chinese font, so screenshots show Chinese text (not boxes)', install: apt(['fonts-wqy-microhei']) });
  if (!(await isCodeServerInstalled(codeServerCacheDir()))) {
    const tools = [];
    if (!which('make')) tools.push('make');
    if (!which('g++')) tools.push('g++');
    if (!which('python3')) tools.push('python3');
    if (!which('pkg-config')) tools.push('pkg-config');
    if (tools.length) missing.push({ what: `build tools for code-server's native modules (${tools.join(', ')})`, install: apt(tools) });
    /** @type {Array<[string, string, string]>} pkg-config name, file fallback, Debian package */
    const libs = [
      ['krb5-gssapi', '/usr/include/gssapi/gssapi.h', 'libkrb5-dev'],
      ['xkbfile', '/usr/include/X11/extensions/XKBfile.h', 'libxkbfile-dev'],
      ['libsecret-1', '/usr/include/libsecret-1/libsecret/secret.h', 'libsecret-1-dev'],
      ['x11', '/usr/include/X11/Xlib.h', 'libx11-dev'],
    ];
    const missingLibs = [];
    for (const [pc, file, pkg] of libs) {
      if (existsSync(file)) continue;
      if (which('pkg-config') && (await hasPkgConfig(pc))) continue;
      missingLibs.push(pkg);
    }
    if (missingLibs.length) {
      missing.push({ what: `headers for code-server's native modules (${missingLibs.join(', ')})`, install: apt(missingLibs) });
    }
  }
  return missing;
}

const fontMarker = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';
const cjkFontMarker = '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc';

/**
 * The cache folder that holds code-server, outside the project's own
 * dependencies: `$OPSBOOK_CACHE/code-server-VERSION` or
 * `${XDG_CACHE_HOME:-~/.cache}/opsbook/code-server-VERSION`.
 * @returns {string}
 */
export function codeServerCacheDir() {
  const base = process.env.OPSBOOK_CACHE || path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'opsbook');
  return path.join(base, `code-server-${CODE_SERVER_VERSION}`);
}

/**
 * @param {string} dir the cache folder
 * @returns {string} the code-server entry script inside it
 */
function entryScript(dir) {
  return path.join(dir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
}

/** @param {string} dir */
function markerFile(dir) {
  return path.join(dir, '.opsbook-installed.json');
}

/**
 * @param {string} dir
 * @returns {Promise<boolean>}
 */
async function isCodeServerInstalled(dir) {
  return existsSync(markerFile(dir)) && existsSync(entryScript(dir));
}

/** @returns {string} @vscode/ripgrep's target triple for this machine */
function ripgrepTarget() {
  switch (process.arch) {
    case 'x64':
      return 'x86_64-unknown-linux-musl';
    case 'arm64':
      return 'aarch64-unknown-linux-musl';
    default:
      throw new Error(`No ripgrep stand-in for architecture ${process.arch}`);
  }
}

/**
 * Puts a `ripgrep-VERSION-TARGET.tar.gz` holding Debian's `rg` where
 * @vscode/ripgrep's postinstall looks before downloading from GitHub:
 * `os.tmpdir()/vscode-ripgrep-cache-PKGVERSION/`.
 * @param {string} tmpDir the TMPDIR the install runs with
 * @param {string} pkgVersion @vscode/ripgrep's own version, e.g. 1.15.11
 * @param {string} assetVersion the ripgrep-prebuilt release, e.g. v13.0.0-10
 * @returns {Promise<string>} the tarball path
 */
async function seedRipgrepCache(tmpDir, pkgVersion, assetVersion) {
  const rg = which('rg');
  if (!rg) throw new Error('ripgrep (rg) is not installed: apt-get install -y ripgrep');
  const cacheDir = path.join(tmpDir, `vscode-ripgrep-cache-${pkgVersion}`);
  const tarball = path.join(cacheDir, `ripgrep-${assetVersion}-${ripgrepTarget()}.tar.gz`);
  if (existsSync(tarball)) return tarball;
  await fs.mkdir(cacheDir, { recursive: true });
  const stage = await fs.mkdtemp(path.join(tmpDir, 'rg-stage-'));
  await fs.copyFile(rg, path.join(stage, 'rg'));
  await fs.chmod(path.join(stage, 'rg'), 0o755);
  await run('tar', ['-czf', tarball, '-C', stage, 'rg'], { cwd: stage });
  await fs.rm(stage, { recursive: true, force: true });
  return tarball;
}

/**
 * Reads the ripgrep-prebuilt release a given @vscode/ripgrep downloads, from
 * its own postinstall script.
 * @param {string} pkgDir the installed @vscode/ripgrep folder
 * @returns {Promise<{ pkgVersion: string, assetVersion: string } | undefined>}
 */
async function readRipgrepExpectation(pkgDir) {
  try {
    const pkg = JSON.parse(await fs.readFile(path.join(pkgDir, 'package.json'), 'utf8'));
    const script = await fs.readFile(path.join(pkgDir, 'lib', 'postinstall.js'), 'utf8');
    const m = /const VERSION = '([^']+)'/.exec(script);
    return m ? { pkgVersion: pkg.version, assetVersion: m[1] } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Runs a command, collecting its output.
 * @param {string} cmd
 * @param {string[]} args
 * @param {{ cwd?: string, env?: NodeJS.ProcessEnv, log?: Logger, timeoutMs?: number }} [opts]
 * @returns {Promise<{ code: number | null, output: string }>} rejects on a non-zero exit, with the output
 */
function run(cmd, args, opts = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: opts.cwd, env: opts.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const onData = (/** @type {Buffer} */ chunk) => {
      const text = chunk.toString();
      output += text;
      if (opts.log) for (const line of text.split('\n')) if (line.trim()) opts.log(line);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    const timer = opts.timeoutMs ? setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs) : undefined;
    child.on('error', (err) => {
      if (timer) clearTimeout(timer);
      reject(err);
    });
    child.on('close', (code) => {
      if (timer) clearTimeout(timer);
      if (code === 0) resolve({ code, output });
      else reject(Object.assign(new Error(`${cmd} ${args.join(' ')} exited with ${code}\n${output.slice(-8000)}`), { output }));
    });
  });
}

/**
 * Files that prove code-server's postinstall and its native builds ran.
 * @param {string} dir the cache folder
 * @returns {string[]} the expected files that are missing
 */
function missingInstallOutputs(dir) {
  const cs = path.join(dir, 'node_modules', 'code-server');
  const vs = path.join(cs, 'lib', 'vscode');
  const expected = [
    path.join(cs, 'out', 'node', 'entry.js'),
    path.join(vs, 'node_modules.asar'),
    path.join(vs, 'bin', 'remote-cli', 'code-server'),
    path.join(vs, 'node_modules', '@vscode', 'ripgrep', 'bin', 'rg'),
    path.join(vs, 'node_modules', 'node-pty', 'build', 'Release', 'pty.node'),
    path.join(vs, 'node_modules', '@vscode', 'spdlog', 'build', 'Release', 'spdlog.node'),
    path.join(vs, 'node_modules', 'native-watchdog', 'build', 'Release', 'watchdog.node'),
    path.join(vs, 'node_modules', 'kerberos', 'build', 'Release', 'kerberos.node'),
    path.join(vs, 'extensions', 'node_modules', 'typescript', 'package.json'),
  ];
  return expected.filter((f) => !existsSync(f));
}

/**
 * Installs code-server once into the cache folder (SPEC §7 recipe) and
 * returns the path of its entry script (`node ENTRY ...` starts it).
 * Idempotent: a marker file records a finished install. npm's output goes to
 * `install.log` in the cache folder (and to `log` too when `verbose`).
 * About 100 s on this machine's 2 cores, cold npm cache included; ~300 MB.
 * @param {{ log?: Logger, verbose?: boolean }} [opts]
 * @returns {Promise<string>}
 */
export async function ensureCodeServer({ log = quiet, verbose = false } = {}) {
  const dir = codeServerCacheDir();
  if (await isCodeServerInstalled(dir)) return entryScript(dir);
  if (process.versions.node.split('.')[0] !== '20') {
    throw new Error(`code-server ${CODE_SERVER_VERSION} requires Node 20; this is Node ${process.versions.node}`);
  }
  const started = Date.now();
  log(`Installing code-server ${CODE_SERVER_VERSION} into ${dir} (about 2 minutes, once; npm output in install.log there)`);
  await fs.mkdir(dir, { recursive: true });
  // A private TMPDIR, so the ripgrep stand-in sits exactly where the install looks.
  const tmpDir = path.join(dir, 'tmp');
  await fs.mkdir(tmpDir, { recursive: true });
  await seedRipgrepCache(tmpDir, '1.15.11', 'v13.0.0-10');
  await fs.writeFile(
    path.join(dir, 'package.json'),
    JSON.stringify(
      {
        name: 'opsbook-code-server-cache',
        private: true,
        description: "code-server for Opsbook's end-to-end tests; managed by test/e2e/codeServer.mjs",
      },
      null,
      2,
    ) + '\n',
  );

  const env = {
    ...process.env,
    TMPDIR: tmpDir,
    npm_config_yes: 'true',
    // Never let a native module try to fetch a prebuilt binary from the internet first.
    npm_config_build_from_source: 'true',
    npm_config_update_notifier: 'false',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    // npm 11 may gate dependency install scripts behind an allowScripts policy;
    // the nested `npm install`s in code-server's postinstall inherit this too.
    npm_config_dangerously_allow_all_scripts: 'true',
    // code-server's postinstall.sh refuses to run as root unless npm passes this on.
    npm_config_unsafe_perm: 'true',
  };
  const args = ['install', '--unsafe-perm', '--foreground-scripts', `code-server@${CODE_SERVER_VERSION}`];
  const logFile = path.join(dir, 'install.log');
  const attempt = async () => {
    const stream = createWriteStream(logFile, { flags: 'a' });
    try {
      await run('npm', args, {
        cwd: dir,
        env,
        log: (l) => {
          stream.write(`${l}\n`);
          if (verbose) log(`  npm: ${l}`);
        },
      });
      return undefined;
    } catch (err) {
      return /** @type {Error} */ (err);
    } finally {
      await new Promise((resolve) => stream.end(resolve));
    }
  };
  let failure = await attempt();
  if (failure) {
    // If code-server's @vscode/ripgrep expects another tarball than the one seeded, seed it and retry once.
    const rgDir = path.join(dir, 'node_modules', 'code-server', 'lib', 'vscode', 'node_modules', '@vscode', 'ripgrep');
    const want = await readRipgrepExpectation(rgDir);
    if (want && !(want.pkgVersion === '1.15.11' && want.assetVersion === 'v13.0.0-10')) {
      log(`@vscode/ripgrep ${want.pkgVersion} wants ripgrep ${want.assetVersion}; seeding it and retrying`);
      await seedRipgrepCache(tmpDir, want.pkgVersion, want.assetVersion);
      failure = await attempt();
    }
  }
  if (failure) {
    throw new Error(
      `Installing code-server ${CODE_SERVER_VERSION} into ${dir} failed.\n` +
        'It needs Node 20, the npm registry, and: apt-get install -y libkrb5-dev libxkbfile-dev libsecret-1-dev libx11-dev pkg-config ripgrep make g++ python3\n' +
        `Full npm output: ${logFile}\n${failure.message}`,
    );
  }
  const missing = missingInstallOutputs(dir);
  if (missing.length) {
    throw new Error(`code-server's install scripts did not finish in ${dir}; missing:\n  ${missing.join('\n  ')}`);
  }
  const seconds = Math.round((Date.now() - started) / 1000);
  await fs.writeFile(
    markerFile(dir),
    JSON.stringify({ version: CODE_SERVER_VERSION, node: process.version, installSeconds: seconds, at: new Date().toISOString() }, null, 2) + '\n',
  );
  await fs.rm(tmpDir, { recursive: true, force: true });
  log(`code-server ${CODE_SERVER_VERSION} installed in ${seconds}s`);
  return entryScript(dir);
}

/**
 * Packages the extension as `dist/opsbook.vsix` with the project's own
 * @vscode/vsce (`vsce package --no-dependencies`; the build bundles the
 * dependencies). Runs `vscode:prepublish` if the manifest has one.
 * @param {string} [root] the project root
 * @param {{ out?: string, log?: Logger }} [opts]
 * @returns {Promise<string>} the VSIX path
 */
export async function packageVsix(root = PROJECT_ROOT, { out = path.join('dist', 'opsbook.vsix'), log = quiet } = {}) {
  const vsce = path.join(root, 'node_modules', '.bin', 'vsce');
  if (!existsSync(vsce)) throw new Error(`No ${vsce}: run npm ci first`);
  const vsix = path.resolve(root, out);
  await fs.mkdir(path.dirname(vsix), { recursive: true });
  try {
    // stdin closed: vsce then warns instead of asking about a missing LICENSE or repository.
    await run(vsce, ['package', '--no-dependencies', '-o', vsix], { cwd: root, log, timeoutMs: 300_000 });
  } catch (err) {
    throw new Error(`Packaging the extension failed (vsce package in ${root}):\n${/** @type {Error} */ (err).message}`);
  }
  if (!existsSync(vsix)) throw new Error(`vsce reported success but wrote no ${vsix}`);
  return vsix;
}

/**
 * @returns {Promise<number>} a TCP port on 127.0.0.1 that was free a moment ago
 */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * One HTTP GET; resolves with the status code, or undefined when nothing answers.
 * @param {string} url
 * @returns {Promise<number | undefined>}
 */
function httpStatus(url) {
  return new Promise((resolve) => {
    const req = http.get(url, { timeout: 2000 }, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(undefined));
  });
}

/**
 * User settings every harness run gets: no trust prompt, no welcome page, and
 * nothing that reaches for the network.
 */
export const BASE_SETTINGS = Object.freeze({
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'chat.commandCenter.enabled': false,
  'workbench.colorTheme': 'Default Dark Modern',
  // VS Code for the web auto-saves after a delay by default: tests save explicitly.
  'files.autoSave': 'off',
});

/**
 * Makes code-server honour `--locale LOCALE` without a language pack from the
 * marketplace (none can be downloaded here). code-server 4.100.3 passes
 * `--locale` to the page only through a language pack: the server resolves the
 * locale against `USER_DATA_DIR/languagepacks.json`, and without an entry there
 * it serves the workbench in English, so `vscode.env.language` stays `en` and
 * no extension loads its `bundle.l10n.LOCALE.json` or `package.nls.LOCALE.json`.
 * This registers a pack for LOCALE whose core translations are empty: the
 * server then sets the page's language (`_VSCODE_NLS_LANGUAGE`) to LOCALE, the
 * extension host gets it as `vscode.env.language`, extensions' manifests and
 * `vscode.l10n` bundles switch, and the workbench's own strings fall back to
 * English (as they would with no language pack installed in VS Code). Written
 * before code-server starts; code-server rewrites the file only when an
 * extension that contributes `localizations` is installed or removed.
 * @param {string} userDataDir
 * @param {string} locale e.g. `zh-cn` (lower case, as VS Code names bundles)
 */
export async function registerEmptyLanguagePack(userDataDir, locale) {
  const dir = path.join(userDataDir, 'opsbook-e2e-language-pack', locale);
  await fs.mkdir(dir, { recursive: true });
  const core = path.join(dir, 'main.i18n.json');
  await fs.writeFile(core, JSON.stringify({ version: '1.0.0', contents: {} }) + '\n');
  const file = path.join(userDataDir, 'languagepacks.json');
  /** @type {Record<string, unknown>} */
  let packs = {};
  try {
    packs = JSON.parse(await fs.readFile(file, 'utf8'));
  } catch {
    // none yet
  }
  packs[locale] = {
    // The server caches the generated messages under clp/HASH.LOCALE: a fixed hash reuses them.
    hash: `opsbook-e2e-empty-${locale}`,
    extensions: [{ extensionIdentifier: { id: `opsbook-e2e.empty-language-pack-${locale}` }, version: '0.0.0' }],
    translations: { vscode: core },
    label: locale,
  };
  await fs.writeFile(file, JSON.stringify(packs, null, 2) + '\n');
}

/**
 * Environment for code-server children: drops VS Code's own CLI hook (else
 * code-server, run from a VS Code terminal, opens the folder in that editor
 * instead of starting) and keeps code-server's state under `stateDir`.
 * @param {string} stateDir
 * @returns {NodeJS.ProcessEnv}
 */
function codeServerEnv(stateDir) {
  /** @type {NodeJS.ProcessEnv} */
  const env = { ...process.env, XDG_DATA_HOME: path.join(stateDir, 'xdg-data') };
  for (const key of Object.keys(env)) {
    if (key.startsWith('VSCODE_') || key === 'ELECTRON_RUN_AS_NODE' || key === 'CODE_SERVER_CONFIG' || key === 'PASSWORD' || key === 'HASHED_PASSWORD')
      delete env[key];
  }
  return env;
}

/**
 * @typedef {object} CodeServerHandle
 * @property {string} url the workbench URL, with `?folder=` for the workspace
 * @property {string} baseUrl `http://127.0.0.1:PORT`
 * @property {number} port
 * @property {string} userDataDir
 * @property {string} logsDir VS Code's logs (exthost.log etc. under it)
 * @property {() => string} output what code-server printed so far
 * @property {Promise<number | null>} exited settles when code-server ends (exit code, -1 for a signal)
 * @property {() => Promise<void>} stop ends code-server and its children
 */

/**
 * Starts code-server on the workspace folder and waits until it serves.
 * @param {object} opts
 * @param {string} opts.workspace the folder to open
 * @param {number} [opts.port] defaults to a free port
 * @param {string} opts.userDataDir keep it short: code-server puts a unix socket in it
 * @param {string} opts.extensionsDir
 * @param {Record<string, unknown>} [opts.settings] merged over {@link BASE_SETTINGS}
 * @param {Record<string, string>} [opts.env] extra environment; the extension host inherits it
 *   (e.g. where an in-host test suite writes its results)
 * @param {string} [opts.locale] the display language, e.g. `zh-cn`: code-server's `--locale`,
 *   with an empty language pack so that it takes effect (see {@link registerEmptyLanguagePack});
 *   extensions see it as `vscode.env.language`. Default: English.
 * @param {Logger} [opts.log]
 * @param {number} [opts.timeoutMs] how long to wait for the first HTTP answer (default 60 s)
 * @returns {Promise<CodeServerHandle>}
 */
export async function startCodeServer({ workspace, port, userDataDir, extensionsDir, settings = {}, env = {}, locale, log = quiet, timeoutMs = 60_000 }) {
  const entry = await ensureCodeServer({ log });
  const chosenPort = port ?? (await freePort());
  const userDir = path.join(userDataDir, 'User');
  await fs.mkdir(userDir, { recursive: true });
  await fs.mkdir(extensionsDir, { recursive: true });
  await fs.writeFile(path.join(userDir, 'settings.json'), JSON.stringify({ ...BASE_SETTINGS, ...settings }, null, 2) + '\n');
  const configFile = path.join(userDataDir, 'code-server.yaml');
  await fs.writeFile(configFile, 'auth: none\ncert: false\n');
  const language = locale?.toLowerCase();
  if (language && !language.startsWith('en')) await registerEmptyLanguagePack(userDataDir, language);
  const args = [
    entry,
    '--config',
    configFile,
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${chosenPort}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    '--user-data-dir',
    userDataDir,
    '--extensions-dir',
    extensionsDir,
    ...(language ? ['--locale', language] : []),
    path.resolve(workspace),
  ];
  log(`Starting code-server on 127.0.0.1:${chosenPort} for ${workspace}${language ? ` (locale ${language})` : ''}`);
  const child = spawn(process.execPath, args, {
    env: { ...codeServerEnv(userDataDir), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group, so stop() ends the extension host too
  });
  let output = '';
  const onData = (/** @type {Buffer} */ chunk) => {
    output += chunk.toString();
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  /** @type {number | null | undefined} */
  let exitCode;
  /** @type {Promise<number | null>} */
  const exited = new Promise((resolve) =>
    child.on('exit', (code, signal) => {
      exitCode = code ?? (signal ? -1 : null);
      resolve(exitCode);
    }),
  );

  const baseUrl = `http://127.0.0.1:${chosenPort}`;
  // If this process ends without stop() (a crashed test run), do not leave code-server behind.
  const killOnExit = () => {
    try {
      process.kill(-(/** @type {number} */ (child.pid)), 'SIGKILL');
    } catch {
      /* gone */
    }
  };
  process.on('exit', killOnExit);
  void exited.then(() => process.off('exit', killOnExit));
  const stop = async () => {
    if (exitCode !== undefined) return;
    try {
      process.kill(-(/** @type {number} */ (child.pid)), 'SIGTERM');
    } catch {
      /* already gone */
    }
    const killed = await Promise.race([exited.then(() => true), delay(5000).then(() => false)]);
    if (!killed) {
      try {
        process.kill(-(/** @type {number} */ (child.pid)), 'SIGKILL');
      } catch {
        /* already gone */
      }
      await exited;
    }
  };

  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exitCode !== undefined) {
      throw new Error(`code-server exited (${exitCode}) before serving ${baseUrl}:\n${output.slice(-6000)}`);
    }
    const status = await httpStatus(`${baseUrl}/healthz`);
    if (status === 200 && (await httpStatus(`${baseUrl}/`)) !== undefined) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`code-server did not serve ${baseUrl} within ${timeoutMs} ms:\n${output.slice(-6000)}`);
    }
    await delay(100);
  }
  const url = `${baseUrl}/?folder=${encodeURIComponent(path.resolve(workspace))}`;
  log(`code-server is serving ${url}`);
  return { url, baseUrl, port: chosenPort, userDataDir, logsDir: path.join(userDataDir, 'logs'), output: () => output, exited, stop };
}

/**
 * Installs a VSIX with `code-server --install-extension`, offline.
 * @param {string} vsixPath
 * @param {{ extensionsDir: string, userDataDir: string, log?: Logger }} opts
 * @returns {Promise<string>} the command's output
 */
export async function installExtension(vsixPath, { extensionsDir, userDataDir, log = quiet }) {
  if (!existsSync(vsixPath)) throw new Error(`No VSIX at ${vsixPath}`);
  const entry = await ensureCodeServer({ log });
  await fs.mkdir(extensionsDir, { recursive: true });
  await fs.mkdir(userDataDir, { recursive: true });
  const configFile = path.join(userDataDir, 'code-server.yaml');
  if (!existsSync(configFile)) await fs.writeFile(configFile, 'auth: none\ncert: false\n');
  const args = [
    entry,
    '--config',
    configFile,
    '--user-data-dir',
    userDataDir,
    '--extensions-dir',
    extensionsDir,
    '--install-extension',
    path.resolve(vsixPath),
    '--force',
  ];
  let result;
  try {
    result = await run(process.execPath, args, { env: codeServerEnv(userDataDir), timeoutMs: 120_000 });
  } catch (err) {
    throw new Error(`Installing ${vsixPath} into ${extensionsDir} failed:\n${/** @type {Error} */ (err).message}`);
  }
  if (!/successfully installed/i.test(result.output)) {
    throw new Error(`Installing ${vsixPath} into ${extensionsDir} did not report success:\n${result.output}`);
  }
  log(result.output.trim());
  return result.output;
}

/**
 * Launches Debian's Chromium through playwright-core (headless by default;
 * `OPSBOOK_E2E_HEADED=1` shows it where a display exists).
 * @param {{ headless?: boolean }} [opts]
 * @returns {Promise<import('playwright-core').Browser>}
 */
export async function launchBrowser({ headless = process.env.OPSBOOK_E2E_HEADED !== '1' } = {}) {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      '--disable-dev-shm-usage',
    ],
  });
}

// ---------------------------------------------------------------------------
// Workbench UI helpers. `page` is a playwright-core Page. Each waits on a
// condition with a timeout; none sleeps for a fixed time.
// ---------------------------------------------------------------------------

/** @typedef {import('playwright-core').Page} Page */

const QUICK_INPUT = '.quick-input-widget';
const QUICK_INPUT_BOX = '.quick-input-widget .quick-input-box input';
const QUICK_INPUT_ROW = '.quick-input-widget .quick-input-list .monaco-list-row';

/**
 * Opens the workbench and waits until it is ready: `.monaco-workbench`
 * visible, the activity bar and status bar rendered, and the user settings
 * from the server applied (the theme class: {@link BASE_SETTINGS} picks a dark
 * theme; the workbench first paints in the light default). Extension
 * contributions (view containers, commands) arrive a few seconds later: wait
 * for those with the helpers below.
 * @param {Page} page
 * @param {string} url from {@link startCodeServer}
 * @param {{ timeoutMs?: number, themeClass?: string }} [opts] `themeClass`: `vs`, `vs-dark`, `hc-black` or `hc-light`
 */
export async function openWorkbench(page, url, { timeoutMs = 60_000, themeClass = 'vs-dark' } = {}) {
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: timeoutMs });
  await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: timeoutMs });
  await page.locator('.part.activitybar .action-item').first().waitFor({ state: 'visible', timeout: timeoutMs });
  await page.locator('.part.statusbar .statusbar-item').first().waitFor({ state: 'visible', timeout: timeoutMs });
  await page.locator(`.monaco-workbench.${themeClass}`).waitFor({ state: 'visible', timeout: timeoutMs });
}

/**
 * Opens the quick input with `key` and waits for its input box.
 * @param {Page} page
 * @param {string} key
 * @param {number} timeout
 */
async function openQuickInput(page, key, timeout) {
  const box = page.locator(QUICK_INPUT_BOX);
  for (let tries = 0; ; tries++) {
    // A webview still loading (a large table, the dashboard) may hold the focus and keep the
    // key to itself: from the second try on, the focus goes back to the workbench first.
    if (tries > 0) await page.evaluate(() => /** @type {HTMLElement | null} */ (globalThis.document.activeElement)?.blur());
    await page.keyboard.press(key);
    try {
      await box.waitFor({ state: 'visible', timeout: Math.min(5000, timeout) });
      return box;
    } catch (err) {
      // The first key press can be lost while the workbench still wires its keybindings.
      if (tries >= 3) throw err;
    }
  }
}

/**
 * Picks the quick-input row whose label matches `label` (exact first, then prefix)
 * and waits until that quick input is done: hidden, or replaced by another one
 * (a command that opens its own quick pick reuses the widget, which then never hides).
 * @param {Page} page
 * @param {string} label
 * @param {number} timeout
 * @param {string} [typed] the text typed into the box, to tell a replacing quick input apart
 */
async function acceptQuickInputRow(page, label, timeout, typed) {
  const rows = page.locator(QUICK_INPUT_ROW);
  const exact = rows.filter({ has: page.locator('.label-name', { hasText: new RegExp(`^\\s*${escapeRegExp(label)}\\s*$`) }) });
  const target = exact.or(rows.filter({ hasText: label })).first();
  await target.waitFor({ state: 'visible', timeout });
  // Enter accepts the focused row even while the list re-renders; click only another row.
  if (await target.evaluate((el) => el.classList.contains('focused'))) await page.keyboard.press('Enter');
  else await target.click();
  const widget = page.locator(QUICK_INPUT);
  const box = page.locator(QUICK_INPUT_BOX);
  const deadline = Date.now() + timeout;
  for (;;) {
    if (!(await widget.isVisible())) return;
    if (typed !== undefined && (await box.inputValue({ timeout: 1000 }).catch(() => typed)) !== typed) return;
    if (Date.now() > deadline) throw new Error(`The quick input stayed open after picking "${label}" (${timeout} ms)`);
    await delay(50); // poll interval
  }
}

/** @param {string} s */
function escapeRegExp(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Runs a command by its label (as the Command Palette shows it, e.g.
 * `Opsbook: Validate Workspace`) through F1.
 * @param {Page} page
 * @param {string} label
 * @param {{ timeoutMs?: number }} [opts]
 */
export async function runCommand(page, label, { timeoutMs = 15_000 } = {}) {
  const box = await openQuickInput(page, 'F1', timeoutMs);
  await box.fill(`>${label}`);
  await acceptQuickInputRow(page, label, timeoutMs, `>${label}`);
}

/**
 * Opens a workspace file through quick open (Ctrl+P) and waits for its tab.
 * @param {Page} page
 * @param {string} relPath path relative to the workspace folder
 * @param {{ timeoutMs?: number }} [opts]
 */
export async function openFile(page, relPath, { timeoutMs = 15_000 } = {}) {
  const box = await openQuickInput(page, 'Control+P', timeoutMs);
  await box.fill(relPath);
  const base = path.posix.basename(relPath);
  const dir = path.posix.dirname(relPath);
  const rows = page.locator(QUICK_INPUT_ROW).filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(base)}$`) }) });
  const row =
    dir === '.'
      ? rows.first()
      : rows
          .filter({ has: page.locator('.label-description', { hasText: dir }) })
          .or(rows)
          .first();
  await row.waitFor({ state: 'visible', timeout: timeoutMs });
  // Quick open fills its list in stages (recently opened, then file search) and re-renders the
  // rows in between, so a click can land on a row being replaced and get lost. Enter accepts
  // the focused row whatever the rendering: wait until the file's row has the focus.
  await row.and(page.locator('.monaco-list-row.focused')).waitFor({ state: 'visible', timeout: timeoutMs });
  await page.keyboard.press('Enter');
  await page.locator(QUICK_INPUT).waitFor({ state: 'hidden', timeout: timeoutMs });
  await page.locator(`.tabs-container .tab.active[data-resource-name="${base}"]`).waitFor({ state: 'visible', timeout: timeoutMs });
  await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().waitFor({ state: 'visible', timeout: timeoutMs });
}

/**
 * Shows the Problems panel and returns the text (aria-label) of each visible
 * row: file rows like `opsbook.yaml, ... , 1 problem`, marker rows like
 * `Warning: message at line 3 column 5 in opsbook.yaml source code`.
 * @param {Page} page
 * @param {{ timeoutMs?: number }} [opts]
 * @returns {Promise<string[]>}
 */
export async function problemsList(page, { timeoutMs = 15_000 } = {}) {
  await showProblems(page, timeoutMs);
  const rows = page.locator('.markers-panel .monaco-list-row');
  const labels = await rows.evaluateAll((els) => els.map((el) => el.getAttribute('aria-label') || el.textContent || ''));
  return labels.map((s) => s.trim()).filter(Boolean);
}

/**
 * @param {Page} page
 * @param {number} timeout
 */
async function showProblems(page, timeout) {
  const panel = page.locator('.markers-panel');
  if (await panel.isVisible()) return;
  await runCommand(page, 'View: Focus Problems (Errors, Warnings, Infos)', { timeoutMs: timeout });
  await panel.waitFor({ state: 'visible', timeout });
}

/**
 * Waits until a Problems panel row satisfies `predicate`; returns all rows then.
 * @param {Page} page
 * @param {(row: string) => boolean} predicate applied to each row's text
 * @param {number} [timeoutMs]
 * @returns {Promise<string[]>}
 */
export async function waitForProblem(page, predicate, timeoutMs = 30_000) {
  await showProblems(page, timeoutMs);
  const deadline = Date.now() + timeoutMs;
  let rows = [];
  for (;;) {
    rows = await problemsList(page, { timeoutMs });
    if (rows.some(predicate)) return rows;
    if (Date.now() > deadline) throw new Error(`No matching problem within ${timeoutMs} ms; the Problems panel shows:\n  ${rows.join('\n  ') || '(nothing)'}`);
    await page.waitForTimeout(200); // poll interval
  }
}

/**
 * Opens a view container from the activity bar (by its title, e.g. `Opsbook`)
 * and returns the labels of the tree items visible in the side bar.
 * @param {Page} page
 * @param {string} containerTitle
 * @param {{ timeoutMs?: number, waitFor?: string }} [opts] `waitFor`: an item label to wait for
 * @returns {Promise<string[]>}
 */
export async function treeItems(page, containerTitle, { timeoutMs = 15_000, waitFor } = {}) {
  const button = page.locator(`.part.activitybar .action-item a.action-label[aria-label^="${containerTitle}"]`).first();
  await button.waitFor({ state: 'visible', timeout: timeoutMs });
  const item = button.locator('xpath=..');
  if ((await item.getAttribute('aria-expanded')) !== 'true' && !(await item.evaluate((el) => el.classList.contains('checked')))) {
    await button.click();
  }
  const rows = page.locator('.part.sidebar .monaco-list-row[role="treeitem"]');
  if (waitFor) await rows.filter({ hasText: waitFor }).first().waitFor({ state: 'visible', timeout: timeoutMs });
  else await rows.first().waitFor({ state: 'visible', timeout: timeoutMs });
  const labels = await rows.evaluateAll((els) => els.map((el) => el.getAttribute('aria-label') || el.textContent || ''));
  return labels.map((s) => s.trim());
}

/**
 * Types into the active editor. `keyboard.insertText` bypasses auto-closing
 * brackets and auto-indent, so the text lands as given.
 * @param {Page} page
 * @param {string} text
 * @param {{ replaceAll?: boolean, atEnd?: boolean }} [opts]
 */
export async function typeInEditor(page, text, { replaceAll = false, atEnd = false } = {}) {
  const editor = page.locator('.editor-group-container.active .monaco-editor').first();
  await editor.waitFor({ state: 'visible' });
  await editor.locator('.view-lines').click();
  await editor.locator('textarea').first().waitFor({ state: 'attached' });
  await page.locator('.editor-group-container.active .monaco-editor.focused').first().waitFor({ state: 'visible' });
  if (replaceAll) await page.keyboard.press('Control+A');
  if (atEnd) await page.keyboard.press('Control+End');
  await page.keyboard.insertText(text);
  // The model took the edit once the tab shows it as modified (needs files.autoSave off, as BASE_SETTINGS sets).
  if (text) await page.locator('.tabs-container .tab.active.dirty').waitFor({ state: 'visible', timeout: 10_000 });
}

/**
 * Saves the active editor (Ctrl+S) and waits until its tab is no longer dirty.
 * @param {Page} page
 * @param {{ timeoutMs?: number }} [opts]
 */
export async function saveFile(page, { timeoutMs = 15_000 } = {}) {
  await page.keyboard.press('Control+S');
  await page.locator('.tabs-container .tab.active:not(.dirty)').waitFor({ state: 'visible', timeout: timeoutMs });
}

/**
 * Saves a full-page screenshot as `NAME.png` in `test-results/` under the
 * project root (or `dir`).
 * @param {Page} page
 * @param {string} name
 * @param {{ dir?: string }} [opts]
 * @returns {Promise<string>} the file written
 */
export async function screenshot(page, name, { dir = path.join(PROJECT_ROOT, 'test-results') } = {}) {
  await fs.mkdir(dir, { recursive: true });
  const file = path.join(dir, `${name.replace(/[^\w.-]+/g, '_')}.png`);
  await page.screenshot({ path: file });
  return file;
}

/**
 * @typedef {object} EditorSession
 * @property {CodeServerHandle} server
 * @property {import('playwright-core').Browser} browser
 * @property {Page} page a workbench page, ready (see {@link openWorkbench})
 * @property {string} dir the session's scratch folder (user data, extensions)
 * @property {() => Promise<void>} close closes the browser, stops code-server, removes `dir`
 */

/**
 * One-call fixture for tests: installs the VSIXs into a fresh user-data and
 * extensions folder, starts code-server on `workspace`, opens Chromium on it
 * and waits for the workbench. The extension host only starts once a browser
 * window connects, so an in-host test VSIX runs only after this.
 * @param {object} opts
 * @param {string} opts.workspace
 * @param {string[]} [opts.vsixPaths]
 * @param {Record<string, unknown>} [opts.settings]
 * @param {Record<string, string>} [opts.env]
 * @param {string} [opts.locale] display language (`zh-cn`), see {@link startCodeServer}
 * @param {{ width: number, height: number }} [opts.viewport]
 * @param {Logger} [opts.log]
 * @returns {Promise<EditorSession>}
 */
export async function openEditorSession({ workspace, vsixPaths = [], settings, env, locale, viewport = { width: 1400, height: 900 }, log = quiet }) {
  // Short path: code-server puts a unix socket in the user-data folder (108-byte limit).
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'opsbook-e2e-'));
  const userDataDir = path.join(dir, 'ud');
  const extensionsDir = path.join(dir, 'ext');
  /** @type {CodeServerHandle | undefined} */
  let server;
  /** @type {import('playwright-core').Browser | undefined} */
  let browser;
  const close = async () => {
    await browser?.close().catch(() => {});
    await server?.stop();
    await fs.rm(dir, { recursive: true, force: true });
  };
  try {
    for (const vsix of vsixPaths) await installExtension(vsix, { extensionsDir, userDataDir, log });
    server = await startCodeServer({ workspace, userDataDir, extensionsDir, settings, env, locale, log });
    browser = await launchBrowser();
    const page = await browser.newPage({ viewport });
    await openWorkbench(page, server.url);
    return { server, browser, page, dir, close };
  } catch (err) {
    const output = server?.output() ?? '';
    await close();
    if (output && err instanceof Error) err.message += `\ncode-server output:\n${output.slice(-4000)}`;
    throw err;
  }
}
