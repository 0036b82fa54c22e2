// Preloaded into a benchmarked process: reports its peak RSS (includes worker threads) on exit.
const { writeSync } = require('node:fs'); // eslint-disable-line @typescript-eslint/no-require-imports
process.on('exit', () => {
  writeSync(2, `\n@@maxrss_kb=${process.resourceUsage().maxRSS}\n`);
});
