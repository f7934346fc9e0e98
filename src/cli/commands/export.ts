import { UsageError } from '../../core/errors.js';
import { CLIENT_CERTIFICATE_TYPES } from '../../core/types.js';
import { buildExport } from '../../export/build-export.js';
import { describeExport, writeExport } from '../../export/write-export.js';
import { BUILT_IN_KINDS } from '../../kinds/built-in.js';
import { readLiveCollections } from '../../live/read-live.js';
import { formatDiagnostics } from '../../render/diagnostics.js';
import { parseCommandArgs } from '../args.js';
import type { CliIo } from '../io.js';
import { connect, targetsFrom } from '../shared.js';
import { nameOf, typeOf } from '../../core/addresses.js';
import { resolve } from 'node:path';
import { exitCode } from '../exit-codes.js';

export async function exportCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('export', args, {
    out: { type: 'string' },
    target: { type: 'string', multiple: true },
    portal: { type: 'string', multiple: true },
    'client-settings': { type: 'boolean' },
    force: { type: 'boolean' },
  });
  if (positionals.length > 0) throw new UsageError(`export takes no paths (use --out DIR), got "${positionals[0]}"`);
  if (values.portal)
    io.stderr('notice: export --portal NAME is deprecated and will go in the next release; use --target portal:NAME\n');
  const chosen = exportTargets([...(values.target ?? []), ...(values.portal ?? []).map((name) => `portal:${name}`)]);
  const portals = chosen.portals;
  // With no target, export everything; with targets, client settings only when one names them.
  const clientSettings = values['client-settings'] ?? (chosen.targeted ? chosen.clientSettings : true);
  // With targets, portals only when one names them, as for client settings.
  const userPortals = !chosen.targeted || portals.length > 0;
  const collections: string[] = userPortals ? ['userPortals', 'userPortalLinks'] : [];
  if (clientSettings) collections.push('clientSettings', 'enrollmentCerts');
  const client = connect(io);
  try {
    const live = await readLiveCollections(client, collections, BUILT_IN_KINDS);
    // A portal on a customer domain names its Browser Access certificate: read those only then.
    if ((live['userPortals'] ?? []).some((p) => !p['extLabel']))
      Object.assign(live, await readLiveCollections(client, ['baCertificates'], BUILT_IN_KINDS));
    const exported = { userPortals, portals, clientSettings, clientSettingTypes: chosen.clientSettingTypes };
    const { files, warnings } = buildExport(live, exported, BUILT_IN_KINDS);
    const errors = warnings.filter((w) => w.severity === 'error');
    // Names given on the command line that the tenant does not have: nothing was written anywhere.
    if (errors.length > 0) throw new UsageError(`${errors.map((e) => e.message).join('; ')}. Nothing was changed.`);
    if (warnings.length > 0) io.stderr(formatDiagnostics(warnings));
    const dir = resolve(io.cwd, values.out ?? '.');
    await writeExport(dir, files, values.force ?? false);
    io.stdout(describeExport([...files.keys()], values.out ?? '.'));
    return exitCode('ok');
  } finally {
    client.close();
  }
}

interface ExportTargets {
  /** Some --target was given. */
  targeted: boolean;
  portals: string[];
  clientSettings: boolean;
  /** Empty: every type. */
  clientSettingTypes: string[];
}

/** An export writes whole portals and the client settings file, so `link:` is not an export target. */
function exportTargets(raw: string[]): ExportTargets {
  const targets = targetsFrom(raw) ?? [];
  const chosen: ExportTargets = {
    targeted: targets.length > 0,
    portals: [],
    clientSettings: false,
    clientSettingTypes: [],
  };
  let allSettings = false;
  for (const target of targets) {
    const type = typeOf(target);
    if (type === 'portal') chosen.portals.push(nameOf(target));
    else if (type === 'client-settings') allSettings = chosen.clientSettings = true;
    else if (type === 'client-setting') {
      const known = CLIENT_CERTIFICATE_TYPES as readonly string[];
      if (!known.includes(nameOf(target)))
        throw new UsageError(`export --target ${target}: not a client certificate type (${known.join(', ')})`);
      chosen.clientSettings = true;
      chosen.clientSettingTypes.push(nameOf(target));
    } else
      throw new UsageError(
        `export --target ${target}: export writes whole portals; use --target portal:NAME, client-settings or client-setting:TYPE`,
      );
  }
  if (allSettings) chosen.clientSettingTypes = [];
  return chosen;
}
