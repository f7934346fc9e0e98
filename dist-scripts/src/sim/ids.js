/**
 * Ids like the real ones: 18-digit decimal strings above 2^53, so a client that parses them into
 * JavaScript numbers loses digits and fails visibly. Deterministic: a counter over a fixed base.
 */
/** The customer id of the vendor page's examples; generated ids count up from it. */
export const ID_BASE = 145283994705985536n;
/** The admin every change is attributed to (`modifiedBy`). */
export const SIM_ADMIN_ID = '72057594038779845';
const DECIMAL = /^\d{1,20}$/;
export class IdGenerator {
    counter = 0n;
    next() {
        this.counter += 1n;
        return (ID_BASE + this.counter).toString();
    }
    /** Keep generated ids clear of one already in use (seeded or loaded). */
    observe(id) {
        if (!DECIMAL.test(id))
            return;
        const offset = BigInt(id) - ID_BASE;
        if (offset > this.counter)
            this.counter = offset;
    }
    /** The last id handed out or observed; saved in the state file so ids are never reused. */
    get last() {
        return (ID_BASE + this.counter).toString();
    }
}
/** Epoch seconds as a string, the API's timestamp format. */
export function epochSeconds(ms = Date.now()) {
    return Math.floor(ms / 1000).toString();
}
