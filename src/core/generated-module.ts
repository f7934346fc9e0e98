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

/** Node's code for a missing module, or the message vitest gives for one. */
function isMissing(error: unknown, name: string): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as NodeJS.ErrnoException).code;
  return (
    (code === 'ERR_MODULE_NOT_FOUND' || /failed to load|cannot find/i.test(error.message)) &&
    error.message.includes(name)
  );
}
