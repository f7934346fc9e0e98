/**
 * Errors a handler throws to answer with a ZPA error body `{id, reason, params?}`
 * (NOTES.md, "Rate limits and errors").
 */
export class SimHttpError extends Error {
    status;
    errorId;
    reason;
    params;
    constructor(status, errorId, reason, params) {
        super(reason);
        this.status = status;
        this.errorId = errorId;
        this.reason = reason;
        this.params = params;
        this.name = 'SimHttpError';
    }
    toBody() {
        return this.params
            ? { id: this.errorId, reason: this.reason, params: this.params }
            : { id: this.errorId, reason: this.reason };
    }
}
/** ZPA reports unknown ids as 400 with `resource.not.found`, not 404 (NOTES.md). */
export function notFound(what, id) {
    return new SimHttpError(400, 'resource.not.found', `${what} ${id} not found`, [id]);
}
export function invalidInput(reason, ...params) {
    return new SimHttpError(400, 'invalid.input', reason, params.length ? params : undefined);
}
/** Bad input to the simulator itself (a seed, a fault, a snapshot): a programming error in a test. */
export class SimInputError extends Error {
    constructor(message) {
        super(message);
        this.name = 'SimInputError';
    }
}
