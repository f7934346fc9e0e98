/** Far above any real call (a bulk create of 500 links with icons), far below trouble. */
export const MAX_BODY_BYTES = 64 * 1024 * 1024;
export class BodyTooLargeError extends Error {
}
export function readBody(req) {
    return new Promise((resolve, reject) => {
        const chunks = [];
        let size = 0;
        req.on('data', (chunk) => {
            size += chunk.length;
            if (size > MAX_BODY_BYTES) {
                reject(new BodyTooLargeError(`request body over ${MAX_BODY_BYTES} bytes`));
                req.destroy();
                return;
            }
            chunks.push(chunk);
        });
        req.on('end', () => resolve(Buffer.concat(chunks)));
        req.on('error', reject);
    });
}
export function send(res, reply) {
    // The client may have gone (a timeout during an injected delay): nothing to answer.
    if (res.destroyed || res.socket?.destroyed)
        return;
    const text = reply.text ?? (reply.body === undefined ? undefined : JSON.stringify(reply.body));
    const headers = { ...reply.headers };
    if (text !== undefined) {
        headers['content-type'] = 'application/json';
        headers['content-length'] = Buffer.byteLength(text);
    }
    res.writeHead(reply.status, headers);
    res.end(text);
}
