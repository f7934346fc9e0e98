import { ManifestError, UsageError } from '../../core/errors.js';
import { buildExport } from '../../export/build-export.js';
import { writeExport } from '../../export/write-export.js';
import { readLiveCollections } from '../../live/read-live.js';
import { formatDiagnostics } from '../../render/diagnostics.js';
import { parseCommandArgs } from '../args.js';
import { connect } from '../shared.js';
import { resolve } from 'node:path';
export async function exportCommand(args, io) {
    const { values, positionals } = parseCommandArgs('export', args, {
        out: { type: 'string' },
        portal: { type: 'string', multiple: true },
        'client-settings': { type: 'boolean' },
        force: { type: 'boolean' },
    });
    if (positionals.length > 0)
        throw new UsageError(`export takes no paths (use --out DIR), got "${positionals[0]}"`);
    const portals = values.portal ?? [];
    // With no --portal, export everything; with --portal, client settings only when asked.
    const clientSettings = values['client-settings'] ?? portals.length === 0;
    const collections = ['userPortals', 'userPortalLinks'];
    if (clientSettings)
        collections.push('clientSettings', 'enrollmentCerts');
    const client = connect(io);
    try {
        const live = await readLiveCollections(client, collections);
        const { files, warnings } = buildExport(live, { portals, clientSettings });
        const errors = warnings.filter((w) => w.severity === 'error');
        if (errors.length > 0)
            throw new ManifestError(errors);
        if (warnings.length > 0)
            io.stderr(formatDiagnostics(warnings));
        const dir = resolve(io.cwd, values.out ?? '.');
        await writeExport(dir, files, values.force ?? false);
        io.stdout(`Exported ${files.size} files to ${values.out ?? '.'}: ${[...files.keys()].filter((f) => f.endsWith('.yaml')).join(', ')}\n`);
        return 0;
    }
    finally {
        client.close();
    }
}
