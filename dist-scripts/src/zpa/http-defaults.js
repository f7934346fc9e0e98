/**
 * What every call to ZPA shares, sign-in included: replies read as text (we parse and check them
 * ourselves), no exceptions for HTTP errors (we map them), and no redirects (a redirect must never
 * carry credentials or a token to another host).
 */
export function baseHttpOptions(timeoutMs) {
    return {
        timeout: { request: timeoutMs },
        throwHttpErrors: false,
        followRedirect: false,
        responseType: 'text',
        headers: { accept: 'application/json', 'user-agent': 'zpa-gitops' },
    };
}
