// Preloaded with `node --import`: appends the URL or path of every module the process loads, one a
// line, to the file named by ZPA_GITOPS_RECORD_LOADS, so a test can assert where a program's code
// came from. ES modules through a resolve hook; CommonJS (require, createRequire) through the
// CommonJS resolver, which the ES hooks do not see.
import { appendFileSync } from 'node:fs';
import Module, { register } from 'node:module';

const log = process.env.ZPA_GITOPS_RECORD_LOADS;
if (log === undefined) throw new Error('record-loads: set ZPA_GITOPS_RECORD_LOADS to a file');

const hooks = `
import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  appendFileSync(${JSON.stringify(log)}, result.url + '\\n');
  return result;
}`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`);

const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (...args) {
  const path = resolveFilename.apply(this, args);
  appendFileSync(log, `${path}\n`);
  return path;
};
