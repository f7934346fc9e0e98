/**
 * From a path in the parsed data (as ajv reports it) back to the YAML node, and from a node to
 * `file:line:col`. Aliases are followed to their anchor, since that is where the value is written.
 */
import { isAlias, isMap, isPair, isScalar, isSeq } from 'yaml';
export class Locator {
    file;
    lines;
    doc;
    constructor(file, lines, 
    /** Absent when the text was refused before parsing. */
    doc) {
        this.file = file;
        this.lines = lines;
        this.doc = doc;
    }
    at(offset) {
        const { line, col } = this.lines.linePos(offset);
        return { file: this.file, line, col };
    }
    start() {
        return { file: this.file, line: 1, col: 1 };
    }
    of(node) {
        const range = hasRange(node) ? node.range : undefined;
        return range ? this.at(range[0]) : undefined;
    }
    /** Where the value at `path` is written; its key when it has no value; else the nearest ancestor. */
    value(path) {
        for (let depth = path.length; depth >= 0; depth--) {
            const found = this.find(path.slice(0, depth));
            if (!found)
                continue;
            const written = found.node && !isEmptyScalar(found.node) ? this.of(found.node) : undefined;
            const location = written ?? this.of(found.pair?.key) ?? this.of(found.node);
            if (location)
                return location;
        }
        return this.start();
    }
    /** Where the key of the entry at `path` is written (for unknown or duplicated fields). */
    key(path) {
        const found = this.find(path);
        return this.of(found?.pair?.key) ?? this.value(path);
    }
    find(path) {
        if (!this.doc)
            return undefined;
        let current = { node: this.doc.contents };
        for (const segment of path) {
            const node = this.resolve(current.node);
            if (isMap(node)) {
                // The last entry wins, as it does when the document is turned into data.
                const pair = node.items.findLast((item) => keyText(item.key) === String(segment));
                if (!pair)
                    return undefined;
                current = { node: asNode(pair.value), pair };
            }
            else if (isSeq(node)) {
                const item = node.items[Number(segment)];
                if (item === undefined)
                    return undefined;
                current = { node: asNode(item) };
            }
            else {
                return undefined;
            }
        }
        return current;
    }
    resolve(node) {
        return isAlias(node) && this.doc ? (node.resolve(this.doc) ?? null) : node;
    }
}
/** A mapping key as the loader reads it (keys are parsed as strings). */
export function keyText(key) {
    if (isScalar(key))
        return String(key.value);
    return undefined;
}
function asNode(value) {
    return isPair(value) ? null : (value ?? null);
}
function isEmptyScalar(node) {
    return isScalar(node) && node.value === null && (node.source === '' || node.source === undefined);
}
function hasRange(node) {
    return typeof node === 'object' && node !== null && 'range' in node && Array.isArray(node.range);
}
