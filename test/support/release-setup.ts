/**
 * vitest globalSetup: names the folder this run's release build goes to (test/support/release.ts
 * builds it there when a test first asks for it) and removes it when the run ends. Nothing is built
 * here: a run without the release tests pays nothing for it, and no test waits for it to start.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { scratchDir } from './scratch-dir.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the run's release is built, once, for every test file (test/support/release.ts). */
    releaseFolder: string;
  }
}

/** One folder for the whole run, however many projects run this setup. */
let parent: string | undefined;

export function setup(project: TestProject): void {
  parent ??= mkdtempSync(join(scratchDir() ?? tmpdir(), 'zpa-gitops-release-'));
  project.provide('releaseFolder', join(parent, 'build'));
}

export function teardown(): void {
  if (parent !== undefined) rmSync(parent, { recursive: true, force: true });
}
