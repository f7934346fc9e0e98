/**
 * One candidate file through every per-file step: read, parse, recognise, validate, extract.
 * A file in plain YAML with no problem at all takes the fast path (plain-yaml.ts); any other file,
 * and any file with a finding, is read by the yaml package, so every diagnostic comes from there.
 */
import { dirname } from 'node:path';
import type { Diagnostic } from '../core/types.js';
import { problem, quote } from './diagnostic.js';
import { API_GROUP, API_VERSION } from './document.js';
import { extractDeclarations, type FileDeclarations } from './extract.js';
import type { Candidate } from './find-files.js';
import { PlainPositions, readPlainYaml } from './plain-yaml.js';
import { readSource } from './read-source.js';
import { isValidManifest, validateDocument } from './schema.js';
import type { Positions } from './yaml-nodes.js';

export type FileResult =
  { kind: 'skipped' } | { kind: 'manifest'; file: string; diagnostics: Diagnostic[]; declarations?: FileDeclarations };

/** The loader's `yaml` option (LoadOptions): the small reader first, or the yaml package for every file. */
export const YAML_READERS = ['plain', 'full'] as const;
export type YamlReader = (typeof YAML_READERS)[number];

/** `reader` 'full' sends every file to the yaml package. */
export async function loadFile(candidate: Candidate, file: string, reader: YamlReader = 'plain'): Promise<FileResult> {
  const source = await readSource(candidate, file);
  if (source.kind === 'skip') return { kind: 'skipped' };
  if (source.kind === 'problem') return { kind: 'manifest', file, diagnostics: [source.diagnostic] };
  if (candidate.outside) {
    const { folder, real } = candidate.outside;
    const where = { file, line: 1, col: 1 };
    const hint = 'copy the manifest into the folder, or name its real location on the command line';
    const message = `manifest is a symlink leading outside ${folder} (to ${real}); it is not read`;
    return { kind: 'manifest', file, diagnostics: [problem('manifest-outside-folder', message, hint, where)] };
  }

  const plain = reader === 'plain' ? await loadPlainFile(source.text, file, candidate) : undefined;
  return plain ?? loadYamlFile(source.text, file, candidate);
}

/** The fast path's answer, or undefined when the file is not plain YAML or has any finding. */
async function loadPlainFile(text: string, file: string, candidate: Candidate): Promise<FileResult | undefined> {
  const plain = readPlainYaml(text);
  if (!plain) return undefined;
  const positions = new PlainPositions(file, text, plain);
  if (checkApiVersion(plain.data, positions) || !(await isValidManifest(plain.data))) return undefined;
  const extracted = extractDeclarations(plain.data, positions, dirname(candidate.absolute));
  if (extracted.diagnostics.length > 0) return undefined;
  return { kind: 'manifest', file, diagnostics: [], declarations: extracted.declarations };
}

async function loadYamlFile(text: string, file: string, candidate: Candidate): Promise<FileResult> {
  // Loaded on first need: a repository of plain manifests never loads the yaml package.
  const { parseYaml } = await import('./parse-yaml.js');
  const parsed = parseYaml(text, file);
  const diagnostics = [...parsed.diagnostics];
  if (parsed.data === undefined) return { kind: 'manifest', file, diagnostics };
  const refused = checkApiVersion(parsed.data, parsed.locator);
  if (refused) return { kind: 'manifest', file, diagnostics: [...diagnostics, refused] };

  diagnostics.push(...(await validateDocument(parsed.data, parsed.locator)));
  const extracted = extractDeclarations(parsed.data, parsed.locator, dirname(candidate.absolute));
  diagnostics.push(...extracted.diagnostics);
  return { kind: 'manifest', file, diagnostics, declarations: extracted.declarations };
}

/** A manifest says which format it is in; a file that does not is refused before validation. */
function checkApiVersion(data: unknown, locator: Positions): Diagnostic | undefined {
  const fields = typeof data === 'object' && data !== null && !Array.isArray(data) ? Object.keys(data) : [];
  const key = fields.find((k) => NEAR_MISS_KEY.test(k));
  if (key !== undefined && key !== 'apiVersion') {
    return problem(
      'not-a-manifest',
      `${quote(key)} looks like apiVersion misspelled; this file is not read as a manifest`,
      `spell the key apiVersion: ${API_VERSION}`,
      locator.key([key]),
    );
  }
  const ours = fields.find((k) => k === 'userPortals' || k === 'clientSettings');
  if (key === undefined && ours !== undefined) {
    return problem(
      'missing-api-version',
      `file declares ${ours} but has no apiVersion; it is not read as a manifest`,
      `add apiVersion: ${API_VERSION} as its first line`,
      locator.key([ours]),
    );
  }
  const version = key === undefined ? undefined : (data as Record<string, unknown>)[key];
  if (typeof version !== 'string' || !version.startsWith(API_GROUP)) {
    const nearMiss = typeof version === 'string' && NEAR_MISS_VALUE.test(version);
    return problem(
      'not-a-manifest',
      nearMiss ? `apiVersion ${quote(version)} is not ${API_VERSION}` : 'not a zpa-gitops manifest',
      `a manifest starts with apiVersion: ${API_VERSION}`,
      typeof version === 'string' ? locator.value([key ?? 'apiVersion']) : locator.start(),
    );
  }
  if (version !== API_VERSION) {
    return problem(
      'unsupported-api-version',
      `apiVersion ${quote(version)} is not supported`,
      `this version of zpa-gitops reads ${API_VERSION}; upgrade zpa-gitops or rewrite the manifest`,
      locator.value(['apiVersion']),
    );
  }
  return undefined;
}

const NEAR_MISS_KEY = /^api[-_]?version$/i;
const NEAR_MISS_VALUE = /zpa[-_ ]?git[-_ ]?ops/i;
