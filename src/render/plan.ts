import { assertNever } from '../core/assert-never.js';
import type { KindSet } from '../core/kind-set.js';
import type { Plan } from '../core/types.js';
import { BUILT_IN_KINDS } from '../kinds/built-in.js';
import { renderMarkdown } from './markdown.js';
import { PLAIN, type Style } from './style.js';
import { renderText } from './text.js';
import { visible } from './visible.js';

export type PlanFormat = 'text' | 'markdown' | 'json';
export const PLAN_FORMATS: readonly PlanFormat[] = ['text', 'markdown', 'json'];

export interface RenderOptions {
  format: PlanFormat;
  style?: Style;
  showNoOps?: boolean;
  /** The kinds the plan's changes are of; the built-in ones by default. */
  kinds?: KindSet;
  /** Text only: how this run signed in, e.g. `Signed in with OneAPI (ZSCALER_CLIENT_ID) at …`. */
  signedIn?: string;
}

/** The one entry point: `plan` and `show` both print through it, so they print the same. */
export function renderPlan(plan: Plan, options: RenderOptions): string {
  const kinds = options.kinds ?? BUILT_IN_KINDS;
  switch (options.format) {
    case 'text':
      return renderText(plan, options.style ?? PLAIN, kinds, {
        ...(options.showNoOps === undefined ? {} : { showNoOps: options.showNoOps }),
        ...(options.signedIn === undefined ? {} : { signedIn: options.signedIn }),
      });
    case 'markdown':
      return renderMarkdown(plan, undefined, kinds);
    case 'json':
      // Still valid JSON: each hidden character becomes its own `\u` escape.
      return `${visible(JSON.stringify(plan, null, 2), { keepNewlines: true })}\n`;
    default:
      return assertNever(options.format, 'plan format');
  }
}
