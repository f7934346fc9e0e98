/**
 * Manifests in, desired state and every problem out. Never throws for a user's mistake: each one
 * is a located diagnostic, all of them at once, sorted by file, line and column.
 */
import { relative, resolve, sep } from 'node:path';
import type { DesiredLink, DesiredState, Diagnostic } from '../core/types.js';
import { sortDiagnostics } from '../core/diagnostic-order.js';
import { UsageError } from '../core/errors.js';
import { problem, warning } from './diagnostic.js';
import { checkLinksPerPortal } from './portal-limits.js';
import { API_VERSION } from './document.js';
import type { FileDeclarations } from './extract.js';
import { findCandidates, type Candidate } from './find-files.js';
import { IconReader } from './icons.js';
import { loadFile, YAML_READERS, type FileResult, type YamlReader } from './load-file.js';
import { mergeDeclarations, type MergedLink } from './merge.js';

import { hasErrors } from './diagnostic.js';

export { hasErrors } from './diagnostic.js';
export { API_VERSION } from './document.js';
export { YAML_READERS, type YamlReader } from './load-file.js';
export type { ManifestClientSetting, ManifestDocument, ManifestLink, ManifestPortal } from './document.js';

export interface LoadOptions {
  /** Paths are resolved against it and diagnostics name files relative to it. Default: process.cwd(). */
  cwd?: string;
  /**
   * A folder without manifests is an error (a drift check on a renamed folder must not pass with
   * "No changes"); `--allow-empty` makes it a warning, for a deliberately empty desired state.
   */
  allowEmpty?: boolean;
  /**
   * Which YAML reader reads the files. `plain` (the default): files in plain block YAML with no
   * problem are read by the small reader of that subset, every other file by the yaml package.
   * `full`: every file by the yaml package, to tell whether a report comes from the small reader.
   */
  yaml?: YamlReader;
}

/**
 * The desired state exists only when no diagnostic is an error: manifests with errors can never be
 * planned from (a link dropped for a misspelt key would otherwise be pruned). Warnings come with it.
 */
export type LoadResult = (
  { desired: DesiredState; diagnostics: Diagnostic[] } | { desired?: undefined; diagnostics: Diagnostic[] }
) & {
  /** YAML files found in folders that are not manifests (no `apiVersion: zpa-gitops/...`), left unread. */
  skipped: string[];
};

/** Icon files read at once: enough to overlap I/O, few enough to stay far from the open-file limit. */
const CONCURRENCY = 16;

/** `paths` are files (which must be manifests) or folders (searched for `*.yaml` and `*.yml`). */
export async function loadManifests(paths: string[], options: LoadOptions = {}): Promise<LoadResult> {
  const reader = options.yaml ?? 'plain';
  // Checked here as well as by the type: a caller in JavaScript may pass anything.
  if (!YAML_READERS.includes(reader))
    throw new UsageError(`the yaml option is ${String(reader)}; it takes ${YAML_READERS.join(' or ')}`);
  const cwd = resolve(options.cwd ?? process.cwd());
  const found = await findCandidates(paths.length > 0 ? paths : ['.'], cwd);
  // One file after another: regular files are read synchronously anyway (read-source.ts), so
  // reading several at once would overlap no I/O and only keep several files' parses alive.
  const results: FileResult[] = [];
  for (const candidate of found.candidates)
    results.push(await loadFile(candidate, relativePath(cwd, candidate.absolute), reader));

  const diagnostics = [...found.diagnostics];
  const files: string[] = [];
  const skipped: string[] = [];
  const declarations: FileDeclarations[] = [];
  results.forEach((result, index) => {
    if (result.kind === 'skipped') {
      const candidate = found.candidates[index];
      if (candidate) skipped.push(relativePath(cwd, candidate.absolute));
      return;
    }
    files.push(result.file);
    diagnostics.push(...result.diagnostics);
    if (result.declarations) declarations.push(result.declarations);
  });
  diagnostics.push(...foldersWithoutManifests(found.folders, found.candidates, results, options.allowEmpty ?? false));

  const merged = mergeDeclarations(declarations);
  diagnostics.push(...merged.diagnostics, ...checkLinksPerPortal(merged.portals, merged.links));
  const icons = new IconReader(cwd);
  const links = await withIcons(merged.links, icons, diagnostics);
  const desired: DesiredState = {
    ...(merged.microtenant ? { microtenant: merged.microtenant } : {}),
    clientSettings: merged.clientSettings,
    portals: merged.portals,
    links,
    files,
  };
  const sorted = sortDiagnostics(diagnostics);
  return hasErrors(sorted) ? { diagnostics: sorted, skipped } : { desired, diagnostics: sorted, skipped };
}

/** Each link with its icon read; only links that name an icon wait for a file. */
async function withIcons(
  links: readonly MergedLink[],
  icons: IconReader,
  diagnostics: Diagnostic[],
): Promise<DesiredLink[]> {
  // A link without an icon is already a desired link (finish() gives it no icon key): no copy.
  const desired = links.map((link): DesiredLink => (link.icon ? withoutIconSource(link) : link));
  const named = links.flatMap((link, index) => (link.icon ? [{ index, source: link.icon }] : []));
  await mapConcurrently(named, async ({ index, source }) => {
    const read = await icons.read(source);
    const link = desired[index]!;
    if ('diagnostic' in read) diagnostics.push(read.diagnostic);
    else desired[index] = { ...link, fields: { ...link.fields, icon: read.icon } };
  });
  return desired;
}

function withoutIconSource({ icon: _source, ...link }: MergedLink): DesiredLink {
  return link;
}

/** A folder named on the command line that holds no manifest is most likely the wrong folder. */
function foldersWithoutManifests(
  folders: string[],
  candidates: Candidate[],
  results: FileResult[],
  allowEmpty: boolean,
): Diagnostic[] {
  const report = allowEmpty ? warning : problem;
  const productive = new Set(candidates.filter((_, i) => results[i]?.kind === 'manifest').map((c) => c.argument));
  return [...new Set(folders)]
    .filter((folder) => !productive.has(folder))
    .map((folder) =>
      report(
        'no-manifests',
        `no manifests found in ${folder}`,
        `manifests are *.yaml or *.yml files starting with apiVersion: ${API_VERSION}${allowEmpty ? '' : '; pass --allow-empty if an empty folder is meant'}`,
        undefined,
      ),
    );
}

function relativePath(cwd: string, absolute: string): string {
  return relative(cwd, absolute).split(sep).join('/');
}

async function mapConcurrently<T, R>(items: readonly T[], work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let i = next++; i < items.length; i = next++) results[i] = await work(items[i] as T);
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, items.length) }, worker));
  return results;
}
