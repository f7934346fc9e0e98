/**
 * Names in manifests (portals, certificates, microtenants) resolved to ids from what was read.
 * An unknown name, or one that matches several objects, is an error located in the manifest.
 */
import type { ApiObject, DesiredState, Diagnostic, LiveState, NameOrId, SourceLocation } from '../core/types.js';
import type { ResolvedClientSetting, ResolvedDesired, ResolvedLink, ResolvedPortal } from '../kinds/kind.js';
import { idOf, optionalString, unescapeHtml } from '../kinds/normalize.js';

interface Named {
  id: string;
  name: string;
}

type Lookup = { found: Named } | { problem: Diagnostic };

function named(objects: ApiObject[] | undefined): Named[] {
  return (objects ?? []).map((o) => ({ id: idOf(o['id']), name: unescapeHtml(optionalString(o['name'])) }));
}

function lookUp(what: string, ref: NameOrId, candidates: Named[], location: SourceLocation): Lookup {
  if ('id' in ref) {
    const found = candidates.find((c) => c.id === ref.id);
    if (found) return { found };
    return {
      problem: {
        severity: 'error',
        code: `unknown-${slug(what)}`,
        message: `no ${what} has id "${ref.id}"`,
        hint: `check the id in ZPA, or refer to the ${what} by name`,
        location,
      },
    };
  }
  const matches = candidates.filter((c) => c.name === ref.name);
  const [found, ...others] = matches;
  if (found && others.length === 0) return { found };
  if (found) {
    const ids = matches.map((m) => m.id).join(', ');
    return {
      problem: {
        severity: 'error',
        code: `ambiguous-${slug(what)}`,
        message: `${matches.length} ${what}s are named "${ref.name}" (ids ${ids})`,
        hint: `rename one in ZPA, or refer to it by id`,
        location,
      },
    };
  }
  return {
    problem: {
      severity: 'error',
      code: `unknown-${slug(what)}`,
      message: `no ${what} is named "${ref.name}"`,
      hint: suggest(what, ref.name, candidates),
      location,
    },
  };
}

function slug(what: string): string {
  return what.replace(/ /g, '-');
}

function suggest(what: string, name: string, candidates: Named[]): string {
  const folded = name.trim().toLowerCase();
  const close = candidates.find((c) => c.name.trim().toLowerCase() === folded);
  if (close) return `did you mean "${close.name}"? Names are case-sensitive`;
  const known = candidates
    .slice(0, 8)
    .map((c) => `"${c.name}"`)
    .join(', ');
  return known
    ? `create it in ZPA first, or check the spelling (known: ${known}${candidates.length > 8 ? ', …' : ''})`
    : `create it in ZPA first`;
}

/** The microtenant to work in: the manifests' choice, else the settings' default ("0" = Default). */
export function resolveMicrotenant(
  desired: DesiredState,
  microtenants: ApiObject[] | undefined,
  fallback: string,
): { id: string; diagnostics: Diagnostic[] } {
  const ref = desired.microtenant;
  if (!ref) return { id: fallback, diagnostics: [] };
  if ('id' in ref) return { id: ref.id, diagnostics: [] };
  const result = lookUp('microtenant', ref, named(microtenants), ref.location);
  return 'found' in result ? { id: result.found.id, diagnostics: [] } : { id: fallback, diagnostics: [result.problem] };
}

export function resolveDesired(
  desired: DesiredState,
  live: LiveState,
  microtenantId: string,
): { resolved: ResolvedDesired; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const portals = named(live.userPortals);
  const certs = named(live.enrollmentCerts);

  const resolvedPortals: ResolvedPortal[] = [];
  const portalIdByName = new Map<string, string>();
  for (const portal of desired.portals) {
    const result = lookUp('user portal', { name: portal.name }, portals, portal.location);
    if ('problem' in result) {
      diagnostics.push(result.problem);
      continue;
    }
    portalIdByName.set(portal.name, result.found.id);
    resolvedPortals.push({ id: result.found.id, name: portal.name, prune: portal.prune, location: portal.location });
  }

  const links: ResolvedLink[] = desired.links.map((link) => ({
    name: link.name,
    fields: link.fields,
    portalIds: link.portals.flatMap((name) => portalIdByName.get(name) ?? []),
    location: link.location,
  }));

  const clientSettings: ResolvedClientSetting[] = [];
  for (const setting of desired.clientSettings) {
    if (setting.absent) {
      clientSettings.push({ type: setting.type, absent: true, location: setting.location });
      continue;
    }
    // The loader guarantees a certificate on a present setting; never read its absence as `absent`.
    const ref = setting.enrollmentCert ?? { name: '' };
    const result = lookUp('enrollment certificate', ref, certs, setting.location);
    if ('problem' in result) {
      diagnostics.push(result.problem);
      continue;
    }
    const cert = result.found;
    clientSettings.push({
      type: setting.type,
      absent: false,
      name: setting.name ?? cert.name,
      enrollmentCertId: cert.id,
      enrollmentCertName: cert.name,
      location: setting.location,
    });
  }

  return { resolved: { microtenantId, clientSettings, portals: resolvedPortals, links }, diagnostics };
}
