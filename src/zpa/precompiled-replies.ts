/**
 * The reply validators the build compiled to standalone code (scripts/compile-validators.mjs writes
 * reply-validators.generated.js beside this file in dist/), keyed by their schema's stable JSON.
 * Loaded once, before any reply is checked; empty when running from src/.
 */
import type { ValidateFunction } from 'ajv/dist/2020.js';
import { importGenerated } from '../core/generated-module.js';

/** One set of options for build-time and run-time compiles, so the two cannot drift apart. */
export const REPLY_AJV_OPTIONS = { allErrors: false, verbose: true, strict: true, strictTypes: false } as const;

const generated = await importGenerated(() => import('./reply-validators.generated.js'), 'reply-validators.generated');

export const PRECOMPILED_REPLY_VALIDATORS: ReadonlyMap<string, ValidateFunction<unknown>> = new Map(
  generated?.keys.map((key, i) => [key, generated.validators[i] as ValidateFunction<unknown>]),
);
