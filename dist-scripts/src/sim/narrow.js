/**
 * Narrowing `unknown` JSON (control requests, the state file) into the simulator's types, field by
 * field, with messages that name the offending field.
 */
import { SimInputError } from './http-error.js';
export function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function fits(value, type) {
    switch (type) {
        case 'string':
            return typeof value === 'string';
        case 'string?':
            return value === undefined || typeof value === 'string';
        case 'boolean':
            return typeof value === 'boolean';
        case 'boolean?':
            return value === undefined || typeof value === 'boolean';
        case 'number':
            return typeof value === 'number' && Number.isFinite(value);
        case 'number?':
            return value === undefined || (typeof value === 'number' && Number.isFinite(value));
        case 'string[]':
            return Array.isArray(value) && value.every((item) => typeof item === 'string');
    }
}
/** Check every field of `spec`; fields not in the spec are dropped. Optional fields that are absent stay absent. */
export function narrowRecord(value, spec, where) {
    if (!isRecord(value))
        throw new SimInputError(`${where} must be an object`);
    const result = {};
    for (const [field, type] of Object.entries(spec)) {
        const fieldValue = value[field];
        if (!fits(fieldValue, type))
            throw new SimInputError(`${where}.${field} must be ${type.replace('?', ' (optional)')}`);
        if (fieldValue !== undefined)
            result[field] = fieldValue;
    }
    // Every field was checked against its declared type just above.
    return result;
}
export function narrowArray(value, where, item) {
    if (value === undefined)
        return [];
    if (!Array.isArray(value))
        throw new SimInputError(`${where} must be an array`);
    return value.map((element, index) => item(element, `${where}[${index}]`));
}
