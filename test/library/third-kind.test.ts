/**
 * The proof that a kind is one module: a toy third kind (test/library/toy-note-kind.ts), registered
 * from here, is planned, applied, rendered and verified by the library's generic layers, with no
 * change to any file in src/. Its objects live in memory; the portals it names come from the
 * simulator over HTTP, through the links kind's read.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyPlanned, planTenant, renderApplyReport, renderPlan, withKinds, PLAIN } from '../../src/index.js';
import { startSimulator, type Simulator } from '../../src/sim/index.js';
import { settingsFromEnv, ZpaClient } from '../../src/zpa/index.js';
import { at, desired } from '../support/builders.js';
import { PORTALS_READ } from '../support/read-calls.js';
import { NoteStore, toyNoteKind, withNotes, type WantedNote } from './toy-note-kind.js';

let sim: Simulator;
let client: ZpaClient;
beforeAll(async () => {
  sim = await startSimulator({ seed: { userPortals: [{ name: 'Engineering' }, { name: 'Ops' }] } });
  client = new ZpaClient({ settings: settingsFromEnv({ ...sim.env() }) });
});
afterAll(async () => {
  client.close();
  await sim.close();
});

describe('a third kind, registered from outside src/', () => {
  it('plans, renders, applies and verifies it; a second plan is empty', async () => {
    const store = new NoteStore();
    const portals = await client.read(PORTALS_READ);
    const idOf = (name: string) => String(portals.find((p) => p['name'] === name)?.['id']);
    store.add({ name: 'kept', text: 'same', portalId: idOf('Engineering') });
    store.add({ name: 'changed', text: 'old', portalId: idOf('Engineering') });
    store.add({ name: 'gone', text: 'bye', portalId: idOf('Ops') });
    const wanted: WantedNote[] = [
      { name: 'new', text: 'hello', portal: 'Ops', location: at(1) },
      { name: 'kept', text: 'same', portal: 'Engineering', location: at(2) },
      { name: 'changed', text: 'new', portal: 'Ops', location: at(3) },
      { name: 'gone', absent: true, location: at(4) },
    ];
    const kinds = withKinds(toyNoteKind(wanted));
    const tenant = withNotes(client, store);

    const planned = await planTenant(desired({}), tenant, { kinds });
    expect(planned.plan.counts).toEqual({ create: 1, update: 1, delete: 1, noOp: 1 });
    expect(renderPlan(planned.plan, { format: 'text', kinds })).toBe(
      [
        'Toy notes',
        '  + create note "new"',
        '      text: "hello"',
        `      portalId: "Ops" (${idOf('Ops')})`,
        '  ~ update note "changed"',
        `      portalId: "Engineering" (${idOf('Engineering')}) → "Ops" (${idOf('Ops')})`,
        '      text: "old" → "new"',
        '  - delete note "gone" (declared absent)',
        '',
        'Plan: 1 to create, 1 to update, 1 to delete.',
        `Target: ${planned.plan.target.host} · customer ${planned.plan.target.customerId} · microtenant 0`,
        `Plan digest: ${planned.plan.digest}`,
        '',
      ].join('\n'),
    );
    expect(planned.plan.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    // The Markdown's destructive list is kind-free: the toy kind's noun and wording, no change to src/render.
    expect(renderPlan(planned.plan, { format: 'markdown', kinds })).toContain(
      '- **delete** note `gone` · declared absent at ',
    );

    const report = await applyPlanned(planned);
    expect(report.counts).toEqual({ done: 3, failed: 0, 'not-attempted': 0 });
    expect(report.mismatches, 'verified by reading the notes back').toEqual([]);
    expect(store.writes.sort()).toEqual(['DELETE /toyNote/902', 'POST /toyNote', 'PUT /toyNote/901']);
    expect(renderApplyReport(report, { format: 'text', style: PLAIN, apiCalls: 0, kinds })).toMatch(
      /^Apply complete: 1 created, 1 updated, 1 deleted in \d+\.\d s \(0 API calls\)\.\n$/,
    );

    const again = await planTenant(desired({}), tenant, { kinds });
    expect(again.plan.counts).toEqual({ create: 0, update: 0, delete: 0, noOp: 3 });
    expect(sim.requests.filter((r) => r.method !== 'GET' && !r.path.endsWith('/signin'))).toEqual([]);
  });
});
