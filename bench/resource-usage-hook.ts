/**
 * Preloaded into a child process (`node --import`) by the benchmark: when the process exits, writes
 * its own CPU time and peak RSS to the file named by ZPA_GITOPS_BENCH_USAGE. Node offers no resource
 * usage of a child, and GNU time's `-f` is not everywhere.
 */
import { writeFileSync } from 'node:fs';

const out = process.env['ZPA_GITOPS_BENCH_USAGE'];
if (out) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(
      out,
      JSON.stringify({ userUs: usage.userCPUTime, systemUs: usage.systemCPUTime, maxRssKb: usage.maxRSS }),
    );
  });
}
