/**
 * How long `validate` takes on a large repository: 200 manifest files holding 10,000 links (with
 * links shared between portals by name-only mentions), loaded five times; the median is returned.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hasErrors, loadManifests } from '../src/manifest/index.js';
import { cpuMsSince } from './util.js';

export interface ValidateBenchResult {
  files: number;
  links: number;
  medianMs: number;
  runsMs: number[];
  /** CPU time (user + sys) of each run. */
  cpuMs: number[];
}

export async function benchValidate(files = 200, links = 10_000, runs = 5): Promise<ValidateBenchResult> {
  const dir = await mkdtemp(join(tmpdir(), 'zpa-gitops-bench-'));
  try {
    const perFile = Math.ceil(links / files);
    for (let f = 0; f < files; f++) {
      const lines = ['apiVersion: zpa-gitops/v1', 'userPortals:', `  portal-${f}:`, '    links:'];
      for (let l = f * perFile; l < Math.min(links, (f + 1) * perFile); l++) {
        lines.push(
          `      - name: link-${l}`,
          `        link: app-${l}.corp.example.com`,
          '        protocol: "https://"',
          `        linkPath: /home/${l}`,
          `        description: Application number ${l}`,
        );
      }
      // A few links of the previous portal listed here too, by name only.
      for (let l = (f - 1) * perFile; f > 0 && l < (f - 1) * perFile + 5; l++) lines.push(`      - name: link-${l}`);
      await writeFile(join(dir, `portal-${String(f).padStart(3, '0')}.yaml`), `${lines.join('\n')}\n`);
    }
    const runsMs: number[] = [];
    const cpuMs: number[] = [];
    for (let run = 0; run < runs; run++) {
      const started = performance.now();
      const cpuStarted = process.cpuUsage();
      const { desired, diagnostics } = await loadManifests([dir], { cwd: dir });
      cpuMs.push(cpuMsSince(cpuStarted));
      runsMs.push(performance.now() - started);
      if (!desired || hasErrors(diagnostics) || desired.links.length !== links)
        throw new Error(`benchmark manifests did not load cleanly (${desired?.links.length ?? 0} links)`);
    }
    const sorted = [...runsMs].sort((a, b) => a - b);
    return { files, links, medianMs: sorted[Math.floor(sorted.length / 2)] ?? 0, runsMs, cpuMs };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
