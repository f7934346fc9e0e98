/**
 * `fmt` over files: the same candidates the loader reads (explicit files, and manifests found in
 * folders), each formatted alone. Pure of the CLI: returns what differs and what could not be read.
 */
import { writeFile } from 'node:fs/promises';
import { relative } from 'node:path';
import type { Diagnostic } from '../core/types.js';
import { hasErrors } from '../manifest/diagnostic.js';
import { findCandidates } from '../manifest/find-files.js';
import { parseYaml } from '../manifest/parse-yaml.js';
import { readSource } from '../manifest/read-source.js';
import { readSchema } from '../schemas.js';
import { formatDocument } from './format-manifest.js';
import { schemaLineFor } from './schema-line.js';
import { SchemaOrder } from './schema-order.js';

export interface FormattedFile {
  /** As the user named it: relative to the working directory. */
  file: string;
  absolute: string;
  before: string;
  after: string;
}

export interface FormatResult {
  /** Every manifest read; `before !== after` for the ones that differ. */
  files: FormattedFile[];
  diagnostics: Diagnostic[];
}

let schemaOrder: SchemaOrder | undefined;

async function order(): Promise<SchemaOrder> {
  schemaOrder ??= new SchemaOrder(await readSchema('manifest.schema.json'));
  return schemaOrder;
}

/** A manifest's text in the canonical style, or the diagnostics that stop it being formatted. */
export async function formatManifestText(
  text: string,
  file: string,
  absolute: string,
): Promise<{ text: string } | { diagnostics: Diagnostic[] }> {
  const parsed = parseYaml(text, file);
  if (!parsed.doc || hasErrors(parsed.diagnostics)) return { diagnostics: parsed.diagnostics };
  return { text: formatDocument(parsed.doc, await order(), await schemaLineFor(absolute)) };
}

export async function formatFiles(paths: readonly string[], cwd: string): Promise<FormatResult> {
  const found = await findCandidates(paths.length > 0 ? paths : ['.'], cwd);
  const diagnostics = [...found.diagnostics];
  const files: FormattedFile[] = [];
  for (const candidate of found.candidates) {
    const file = relative(cwd, candidate.absolute) || candidate.absolute;
    const source = await readSource(candidate, file);
    if (source.kind === 'skip') continue;
    if (source.kind === 'problem') {
      diagnostics.push(source.diagnostic);
      continue;
    }
    const result = await formatManifestText(source.text, file, candidate.absolute);
    if ('diagnostics' in result) diagnostics.push(...result.diagnostics);
    else files.push({ file, absolute: candidate.absolute, before: source.text, after: result.text });
  }
  files.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { files, diagnostics };
}

/** Writes the files that differ; returns them. */
export async function writeFormatted(files: readonly FormattedFile[]): Promise<FormattedFile[]> {
  const changed = files.filter((f) => f.before !== f.after);
  for (const file of changed) await writeFile(file.absolute, file.after);
  return changed;
}
