/**
 * Last line of defence for anything we print or put in an error: the client secret and every token
 * ever issued are replaced by `***`, wherever they appear. Lines are built without them in the first
 * place; this catches a server that echoes them back.
 */
export class Redactor {
    secrets = new Set();
    add(secret) {
        // Very short strings would mask ordinary words; real secrets and JWTs are long.
        if (secret.length >= 6)
            this.secrets.add(secret);
    }
    redact(text) {
        let out = text;
        for (const secret of this.secrets)
            out = out.split(secret).join('***');
        // Any bearer token, even one we never saw (e.g. echoed from another request).
        return out.replace(/(bearer\s+)[A-Za-z0-9._~+/=-]+/gi, '$1***');
    }
}
