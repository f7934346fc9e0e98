/**
 * Manifests in, desired state and every problem out. Never throws for a user's mistake: each one
 * is a located diagnostic, all of them at once, sorted by file, line and column.
 */
import { relative, resolve, sep } from 'node:path';
import { sortDiagnostics } from '../render/diagnostics.js';
import { warning } from './diagnostic.js';
import { API_VERSION } from './document.js';
import { findCandidates } from './find-files.js';
import { IconReader } from './icons.js';
import { loadFile } from './load-file.js';
import { mergeDeclarations } from './merge.js';
export { hasErrors } from './diagnostic.js';
export { API_VERSION } from './document.js';
/** Files read at once: enough to overlap I/O, few enough to stay far from the open-file limit. */
const CONCURRENCY = 16;
/** `paths` are files (which must be manifests) or folders (searched for `*.yaml` and `*.yml`). */
export async function loadManifests(paths, options = {}) {
    const cwd = resolve(options.cwd ?? process.cwd());
    const found = await findCandidates(paths.length > 0 ? paths : ['.'], cwd);
    const results = await mapConcurrently(found.candidates, (c) => loadFile(c, relativePath(cwd, c.absolute)));
    const diagnostics = [...found.diagnostics];
    const files = [];
    const declarations = [];
    results.forEach((result) => {
        if (result.kind === 'skipped')
            return;
        files.push(result.file);
        diagnostics.push(...result.diagnostics);
        if (result.declarations)
            declarations.push(result.declarations);
    });
    diagnostics.push(...foldersWithoutManifests(found.folders, found.candidates, results));
    const merged = mergeDeclarations(declarations);
    diagnostics.push(...merged.diagnostics);
    const icons = new IconReader(cwd);
    const links = await mapConcurrently(merged.links, async (link) => withIcon(link, icons, diagnostics));
    const desired = {
        ...(merged.microtenant ? { microtenant: merged.microtenant } : {}),
        clientSettings: merged.clientSettings,
        portals: merged.portals,
        links,
        files,
    };
    return { desired, diagnostics: sortDiagnostics(diagnostics) };
}
async function withIcon(link, icons, diagnostics) {
    const { icon: source, fields, ...rest } = link;
    if (!source)
        return { ...rest, fields };
    const read = await icons.read(source);
    if ('diagnostic' in read) {
        diagnostics.push(read.diagnostic);
        return { ...rest, fields };
    }
    return { ...rest, fields: { ...fields, icon: read.icon } };
}
/** A folder named on the command line that holds no manifest is most likely the wrong folder. */
function foldersWithoutManifests(folders, candidates, results) {
    const productive = new Set(candidates.filter((_, i) => results[i]?.kind === 'manifest').map((c) => c.argument));
    return [...new Set(folders)]
        .filter((folder) => !productive.has(folder))
        .map((folder) => warning('no-manifests', `no manifests found in ${folder}`, `manifests are *.yaml or *.yml files starting with apiVersion: ${API_VERSION}`, undefined));
}
function relativePath(cwd, absolute) {
    return relative(cwd, absolute).split(sep).join('/');
}
async function mapConcurrently(items, work) {
    const results = new Array(items.length);
    let next = 0;
    const worker = async () => {
        for (let i = next++; i < items.length; i = next++)
            results[i] = await work(items[i]);
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, items.length) }, worker));
    return results;
}
