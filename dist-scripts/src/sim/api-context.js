export function json(status, body) {
    return { status, body };
}
export const NO_CONTENT = { status: 204 };
