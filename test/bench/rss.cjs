// Preloaded into a benchmarked process: reports its peak RSS (includes worker threads) on exit.
process.on('exit', () => {
  require('node:fs').writeSync(2, `\n@@maxrss_kb=${process.resourceUsage().maxRSS}\n`);
});
