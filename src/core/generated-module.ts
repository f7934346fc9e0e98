/**
 * Code the build generates into dist/ (ajv's standalone validators) is loaded through here: in dist/
 * and in the bundled CLI it is there; running from src/ (tests) it is not, and the caller compiles
 * the same thing at run time instead. Any other failure to load it is a real error and is thrown.
 */
export async function importGenerated<T>(load: () => Promise<T>, name: string): Promise<T | undefined> {
  try {
    return await load();
  } catch (error) {
    if (isMissing(error, name)) return undefined;
    throw error;
  }
}

/**
 * Node's code for a missing module, or the message vitest gives for one, naming the generated module
 * itself on its first line: a module the generated code needs and cannot find (its require stack
 * names the generated file too, on a later line) is a broken build, not code that was never built.
 */
function isMissing(error: unknown, name: string): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as NodeJS.ErrnoException).code;
  const [first = ''] = error.message.split('\n');
  return (code === 'ERR_MODULE_NOT_FOUND' || /failed to load|cannot find/i.test(first)) && first.includes(name);
}
