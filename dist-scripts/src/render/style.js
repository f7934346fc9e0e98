const paint = (code) => (text) => `\u001b[${code}m${text}\u001b[0m`;
export const COLOR = {
    green: paint('32'),
    yellow: paint('33'),
    red: paint('31'),
    bold: paint('1'),
    dim: paint('2'),
};
const plain = (text) => text;
export const PLAIN = { green: plain, yellow: plain, red: plain, bold: plain, dim: plain };
/** NO_COLOR and FORCE_COLOR (https://no-color.org, https://force-color.org) over the TTY test. */
export function wantsColor(env, isTty) {
    if (env['FORCE_COLOR'] !== undefined && env['FORCE_COLOR'] !== '0')
        return true;
    if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '')
        return false;
    return isTty;
}
