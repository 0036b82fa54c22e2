/**
 * Runs the in-host suite (suite.ts) with mocha inside the extension host and
 * collects the results as plain data.
 */
import Mocha from 'mocha';
import { defineSuite } from './suite';

export interface TestResult {
  title: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs?: number;
  error?: string;
}

export interface SuiteResults {
  ok: boolean;
  total: number;
  passes: number;
  failures: number;
  pending: number;
  durationMs: number;
  tests: TestResult[];
}

/**
 * Runs the suite; `log` gets one line per test. Never throws for a failing
 * test: the failures are in the results (a hook failure counts as a failed test).
 */
export function runSuite(log: (line: string) => void = () => undefined): Promise<SuiteResults> {
  const started = Date.now();
  const tests: TestResult[] = [];
  // Collect instead of printing: the extension host has no console worth reading.
  class Collect extends Mocha.reporters.Base {
    constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
      super(runner, options);
      runner.on('pass', (t) => {
        tests.push({ title: t.fullTitle(), state: 'passed', durationMs: t.duration });
        log(`  ✓ ${t.fullTitle()} (${t.duration} ms)`);
      });
      runner.on('fail', (t, err: Error) => {
        tests.push({ title: t.fullTitle(), state: 'failed', error: err.stack ?? err.message });
        log(`  ✗ ${t.fullTitle()}\n${err.stack ?? err.message}`);
      });
      runner.on('pending', (t) => {
        tests.push({ title: t.fullTitle(), state: 'pending' });
        log(`  - ${t.fullTitle()} (pending)`);
      });
    }
  }
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: Collect });
  // Install describe/it/before… as globals for this suite, as `mocha.run` does for files.
  mocha.suite.emit(Mocha.Suite.constants.EVENT_FILE_PRE_REQUIRE, globalThis, 'inhost-suite', mocha);
  defineSuite();
  return new Promise((resolve) => {
    mocha.run(() => {
      const count = (s: TestResult['state']): number => tests.filter((t) => t.state === s).length;
      const failures = count('failed');
      resolve({
        ok: failures === 0 && count('passed') > 0,
        total: tests.length,
        passes: count('passed'),
        failures,
        pending: count('pending'),
        durationMs: Date.now() - started,
        tests,
      });
    });
  });
}
