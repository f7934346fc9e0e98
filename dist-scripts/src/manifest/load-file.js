/** One candidate file through every per-file step: read, parse, recognise, validate, extract. */
import { dirname } from 'node:path';
import { problem, quote } from './diagnostic.js';
import { API_GROUP, API_VERSION } from './document.js';
import { extractDeclarations } from './extract.js';
import { parseYaml } from './parse-yaml.js';
import { readSource } from './read-source.js';
import { validateDocument } from './schema.js';
export async function loadFile(candidate, file) {
    const source = await readSource(candidate, file);
    if (source.kind === 'skip')
        return { kind: 'skipped' };
    if (source.kind === 'problem')
        return { kind: 'manifest', file, diagnostics: [source.diagnostic] };
    const parsed = parseYaml(source.text, file);
    const diagnostics = [...parsed.diagnostics];
    if (parsed.data === undefined)
        return { kind: 'manifest', file, diagnostics };
    const refused = checkApiVersion(parsed.data, parsed.locator);
    if (refused)
        return { kind: 'manifest', file, diagnostics: [...diagnostics, refused] };
    diagnostics.push(...(await validateDocument(parsed.data, parsed.locator)));
    const extracted = extractDeclarations(parsed.data, parsed.locator, dirname(candidate.absolute));
    diagnostics.push(...extracted.diagnostics);
    return { kind: 'manifest', file, diagnostics, declarations: extracted.declarations };
}
/** A manifest says which format it is in; a file that does not is refused before validation. */
function checkApiVersion(data, locator) {
    const version = typeof data === 'object' && data !== null && !Array.isArray(data)
        ? data['apiVersion']
        : undefined;
    if (typeof version !== 'string' || !version.startsWith(API_GROUP)) {
        return problem('not-a-manifest', 'not a zpa-gitops manifest', `a manifest starts with apiVersion: ${API_VERSION}`, typeof version === 'string' ? locator.value(['apiVersion']) : locator.start());
    }
    if (version !== API_VERSION) {
        return problem('unsupported-api-version', `apiVersion ${quote(version)} is not supported`, `this version of zpa-gitops reads ${API_VERSION}; upgrade zpa-gitops or rewrite the manifest`, locator.value(['apiVersion']));
    }
    return undefined;
}
