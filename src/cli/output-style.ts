/**
 * The style a command writes in. Apart from shared.ts, which loads the API client: show, which only
 * renders a saved plan, then loads neither got nor the client.
 */
import { COLOR, PLAIN, wantsColor, type Style } from '../render/style.js';
import type { CliIo } from './io.js';

export function styleFor(io: CliIo): Style {
  return wantsColor(io.env, io.stdoutIsTty) ? COLOR : PLAIN;
}
