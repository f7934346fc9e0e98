/** Small builders for desired and live state in memory, for the pure planner's tests. */
import type {
  ApiObject,
  DesiredClientSetting,
  DesiredLink,
  DesiredLinkFields,
  DesiredPortal,
  DesiredState,
  IgnorableLinkField,
  LiveState,
  NameOrId,
  SourceLocation,
} from '../../src/core/types.js';

export const at = (line: number, file = 'manifests/main.yaml'): SourceLocation => ({ file, line, col: 5 });

/** Portal ids above 2^53, as ZPA's are. */
export const PORTAL_IDS: Record<string, string> = {
  Engineering: '145283994705985838',
  Ops: '145283994705985839',
  Sales: '145283994705985840',
  Legacy: '145283994705985841',
};

export function portalId(name: string): string {
  return PORTAL_IDS[name] ?? `9${String(name.length).padStart(17, '0')}`;
}

export function livePortals(...names: string[]): ApiObject[] {
  return names.map((name) => ({
    id: portalId(name),
    name,
    enabled: true,
    domain: `${name.toLowerCase()}.example.zscalerportal.net`,
  }));
}

export interface LinkSpec extends Partial<DesiredLinkFields> {
  name: string;
  portals: string[];
  ignoreChanges?: IgnorableLinkField[];
}

export function desired(spec: {
  portals?: (string | Omit<DesiredPortal, 'location'>)[];
  links?: LinkSpec[];
  clientSettings?: DesiredClientSetting[];
  microtenant?: NameOrId;
}): DesiredState {
  const links: DesiredLink[] = (spec.links ?? []).map((l, i) => {
    const { name, portals, ignoreChanges, ...fields } = l;
    return {
      name,
      portals,
      ...(ignoreChanges ? { ignoreChanges } : {}),
      fields: { link: fields.link ?? `${name.toLowerCase()}.corp.example.com`, ...fields },
      location: at(10 + i),
    };
  });
  return {
    clientSettings: spec.clientSettings ?? [],
    portals: (spec.portals ?? []).map((p, i) =>
      typeof p === 'string' ? { name: p, prune: true, location: at(2 + i) } : { ...p, location: at(2 + i) },
    ),
    links,
    files: ['manifests/main.yaml'],
    ...(spec.microtenant ? { microtenant: { ...spec.microtenant, location: at(1) } } : {}),
  };
}

let nextLinkId = 145283994705990000n;

/** A live link as the API reads it: empty fields omitted, whole portal objects in userPortals. */
export function liveLink(spec: LinkSpec & { id?: string; extra?: ApiObject }): ApiObject {
  const { name, portals, id, extra, icon, ignoreChanges: _ignored, ...fields } = spec;
  const object: ApiObject = {
    id: id ?? String(nextLinkId++),
    creationTime: '1753811234',
    modifiedTime: '1756929922',
    modifiedBy: '72057594038779845',
    name,
    enabled: fields.enabled ?? true,
    link: fields.link ?? `${name.toLowerCase()}.corp.example.com`,
    userPortals: livePortals(...portals),
    ...extra,
  };
  for (const key of ['protocol', 'linkPath', 'description'] as const) if (fields[key]) object[key] = fields[key];
  if (icon) Object.assign(object, { iconText: icon.dataUri, logoFileName: icon.fileName });
  return object;
}

/** Live state with the collections the built-in kinds read (a LiveState, typed for the tests' use). */
export type BuiltLive = LiveState & Record<'clientSettings' | 'userPortalLinks' | 'userPortals', ApiObject[]>;

export function live(spec: LiveState): BuiltLive {
  return {
    clientSettings: [],
    userPortalLinks: [],
    userPortals: livePortals('Engineering', 'Ops', 'Sales', 'Legacy'),
    enrollmentCerts: CERTS,
    ...spec,
  };
}

export const CERTS: ApiObject[] = [
  { id: '13963', name: 'Root' },
  { id: '13965', name: 'Client' },
  { id: '13966', name: 'Connector' },
  { id: '13967', name: 'Service Edge' },
  { id: '26781', name: 'Isolation Client' },
];

export const TARGET = {
  host: 'https://config.private.zscaler.com',
  customerId: '216196257331281920',
  microtenantId: '0',
};
