/** An image's type from its first bytes, never from its file name. */
const SVG = /^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*|<!DOCTYPE[^>]*>\s*)*<svg[\s>]/i;
export function imageSubtype(bytes) {
    const head = (n) => Array.from(bytes.subarray(0, n));
    const ascii = (start, end) => String.fromCharCode(...bytes.subarray(start, end));
    if (same(head(8), [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
        return 'png';
    if (same(head(3), [0xff, 0xd8, 0xff]))
        return 'jpeg';
    if (ascii(0, 6) === 'GIF87a' || ascii(0, 6) === 'GIF89a')
        return 'gif';
    if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP')
        return 'webp';
    // ICONDIR: reserved 0, type 1, then a non-zero image count.
    if (same(head(4), [0, 0, 1, 0]) && bytes.length >= 6 && ((bytes[4] ?? 0) | (bytes[5] ?? 0)) !== 0)
        return 'x-icon';
    const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 4096)).replace(/^\uFEFF/, '');
    if (SVG.test(text))
        return 'svg+xml';
    return undefined;
}
function same(a, b) {
    return a.length === b.length && a.every((x, i) => x === b[i]);
}
