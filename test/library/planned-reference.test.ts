/**
 * The contract for kinds that depend on each other, from outside src/: a library kind (the toy note)
 * names a portal the same plan creates. The plan holds a planned reference in place of the id; it
 * survives a saved plan file and its digest; applying the file creates the portal first, then the
 * note with the portal's real id.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DesiredState } from '../../src/core/types.js';
import {
  applySavedPlan,
  BUILT_IN_KINDS,
  planTenant,
  readPlanFile,
  renderPlan,
  withKinds,
  writePlanFile,
} from '../../src/index.js';
import { startSimulator, type Simulator } from '../../src/sim/index.js';
import { settingsFromEnv, ZpaClient } from '../../src/zpa/index.js';
import { at } from '../support/builders.js';
import { NoteStore, toyNoteKind, withNotes } from './toy-note-kind.js';

let sim: Simulator;
let client: ZpaClient;
let dir: string;
beforeAll(async () => {
  sim = await startSimulator();
  client = new ZpaClient({ settings: settingsFromEnv({ ...sim.env() }) });
  dir = mkdtempSync(join(tmpdir(), 'zpa-gitops-planned-ref-'));
});
afterAll(async () => {
  client.close();
  await sim.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Manifests that manage one new portal, Engineering, on a Zscaler-managed domain. */
const desired: DesiredState = {
  clientSettings: [],
  portals: [
    {
      name: 'Engineering',
      prune: true,
      portal: { domain: { extLabel: 'eng', extDomain: 'corp.example.com' }, location: at(2) },
      location: at(1),
    },
  ],
  links: [],
  files: ['portals.yaml'],
};

describe('a library kind that refers to a portal the plan creates', () => {
  it('round-trips a saved plan and is written after the portal, with its real id', async () => {
    const store = new NoteStore();
    const kinds = withKinds(toyNoteKind([{ name: 'hello', text: 'hi', portal: 'Engineering', location: at(5) }]));
    const tenant = withNotes(client, store);
    const planned = await planTenant(desired, tenant, { kinds });
    const note = planned.plan.changes.find((c) => c.kind === 'toyNote');
    expect(note).toMatchObject({ action: 'create', after: { portalId: '$create:userPortal:Engineering' } });
    expect(renderPlan(planned.plan, { format: 'text', kinds })).toContain(
      'portalId: "Engineering" (known after apply)',
    );

    const file = join(dir, 'plan.json');
    await writePlanFile(file, planned.plan);
    // Without the library kind, the file is refused before anything is read or written.
    await expect(readPlanFile(file, BUILT_IN_KINDS)).rejects.toThrow(
      /kind toyNote, which this zpa-gitops does not know/,
    );
    const saved = await readPlanFile(file, kinds);
    expect(saved.digest).toBe(planned.plan.digest);

    const report = await applySavedPlan(saved, tenant, { kinds });
    expect(report.counts).toEqual({ done: 2, failed: 0, 'not-attempted': 0 });
    expect(report.mismatches).toEqual([]);
    const portal = sim.snapshot().userPortals.find((p) => p.name === 'Engineering');
    expect(store.read()).toEqual([expect.objectContaining({ name: 'hello', text: 'hi', portalId: portal?.id })]);

    const again = await planTenant(desired, tenant, { kinds });
    expect(again.plan.counts).toEqual({ create: 0, update: 0, delete: 0, noOp: 2 });
  });
});
