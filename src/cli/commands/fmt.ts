import { createTwoFilesPatch } from 'diff';
import { hasErrors } from '../../manifest/diagnostic.js';
import { formatFiles, writeFormatted } from '../../format/format-files.js';
import { formatDiagnostics } from '../../render/diagnostics.js';
import { parseCommandArgs } from '../args.js';
import type { CliIo } from '../io.js';
import { exitCode } from '../exit-codes.js';

/**
 * `fmt [PATH...] [--check] [--diff]`, as `terraform fmt`: rewrites manifests in the canonical style
 * and names each file it changed; `--check` writes nothing and exits 1 when a file differs.
 */
export async function fmtCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('fmt', args, {
    check: { type: 'boolean' },
    diff: { type: 'boolean' },
  });
  const { files, diagnostics } = await formatFiles(positionals, io.cwd);
  if (diagnostics.length > 0) io.stderr(formatDiagnostics(diagnostics));
  const differing = files.filter((f) => f.before !== f.after);
  for (const file of differing) {
    io.stdout(`${file.file}\n`);
    if (values.diff) io.stdout(unifiedDiff(file.file, file.before, file.after));
  }
  if (!values.check) await writeFormatted(differing);
  if (hasErrors(diagnostics)) return exitCode('manifests-invalid');
  return exitCode(values.check && differing.length > 0 ? 'format-differs' : 'ok');
}

/** A unified diff without jsdiff's `Index:` and `===` banner, as `diff -u` and git print it. */
function unifiedDiff(file: string, before: string, after: string): string {
  const patch = createTwoFilesPatch(file, file, before, after, '', '', { context: 3 });
  return patch.slice(patch.indexOf('--- '));
}
