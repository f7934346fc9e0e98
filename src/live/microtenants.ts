/**
 * The microtenant list, read when manifests name their microtenant (`plan`) and by `doctor`: a
 * tenant-wide bare array `[{id, name, enabled}]`, the Default microtenant `"0"` included.
 */
import type { ReadCall } from '../core/kind.js';
import type { ApiObject } from '../core/types.js';
import type { LiveSource } from './source.js';

export const MICROTENANTS_READ: ReadCall = {
  path: '/microtenants/summary',
  paged: false,
  scoped: false,
  item: 'microtenant',
};

export function readMicrotenants(source: LiveSource): Promise<ApiObject[]> {
  return source.read(MICROTENANTS_READ);
}
