/** Temporary folders holding manifests, written from plain objects, removed after each test file. */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { stringify } from 'yaml';

const made: string[] = [];

export function workspace(files: Record<string, unknown> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'zpa-gitops-test-'));
  made.push(dir);
  mkdirSync(join(dir, '.git')); // the repository root, for icon paths
  writeFiles(dir, files);
  return dir;
}

export function writeFiles(dir: string, files: Record<string, unknown>): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(
      join(dir, path),
      typeof content === 'string' || Buffer.isBuffer(content)
        ? content
        : stringify({ apiVersion: 'zpa-gitops/v1', ...(content as object) }),
    );
  }
}

export function removeWorkspaces(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export interface ManifestLink {
  name: string;
  link?: string;
  description?: string;
  protocol?: string;
}

/** A manifest for `portals` (name -> links), one file per portal. */
export function portalManifests(portals: Record<string, ManifestLink[]>, prune = true): Record<string, unknown> {
  const files: Record<string, unknown> = {};
  for (const [portal, links] of Object.entries(portals)) {
    files[`portals/${portal}.yaml`] = { userPortals: { [portal]: { ...(prune ? {} : { prune: false }), links } } };
  }
  return files;
}
