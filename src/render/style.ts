/** Colour is decided once, by the CLI, and passed in: renderers never look at the terminal. */
export interface Style {
  green: (text: string) => string;
  yellow: (text: string) => string;
  red: (text: string) => string;
  bold: (text: string) => string;
  dim: (text: string) => string;
}

const paint = (code: string) => (text: string) => `\u001b[${code}m${text}\u001b[0m`;

export const COLOR: Style = {
  green: paint('32'),
  yellow: paint('33'),
  red: paint('31'),
  bold: paint('1'),
  dim: paint('2'),
};
const plain = (text: string) => text;
export const PLAIN: Style = { green: plain, yellow: plain, red: plain, bold: plain, dim: plain };

/** NO_COLOR and FORCE_COLOR (https://no-color.org, https://force-color.org) over the TTY test. */
export function wantsColor(env: Record<string, string | undefined>, isTty: boolean): boolean {
  // FORCE_COLOR=0 (and `false`) forces colour off, as chalk and Node read it.
  const force = env['FORCE_COLOR'];
  if (force === '0' || force === 'false') return false;
  if (force !== undefined) return true;
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return false;
  return isTty;
}
