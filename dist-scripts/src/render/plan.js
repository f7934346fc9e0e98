import { renderMarkdown } from './markdown.js';
import { PLAIN } from './style.js';
import { renderText } from './text.js';
export const PLAN_FORMATS = ['text', 'markdown', 'json'];
/** The one entry point: `plan` and `show` both print through it, so they print the same. */
export function renderPlan(plan, options) {
    switch (options.format) {
        case 'text':
            return renderText(plan, options.style ?? PLAIN, options.showNoOps === undefined ? {} : { showNoOps: options.showNoOps });
        case 'markdown':
            return renderMarkdown(plan);
        case 'json':
            return `${JSON.stringify(plan, null, 2)}\n`;
    }
}
