/** Why a file could not be read, in the words a user acts on (not Node's error codes alone). */
const REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a folder, not a file',
  ENOTDIR: 'a part of its path is not a folder',
  ELOOP: 'too many symbolic links in its path',
  ENAMETOOLONG: 'its name is too long',
};

export function describeFsError(error: unknown): string {
  const code = error instanceof Error && 'code' in error ? String(error.code) : undefined;
  if (code === undefined) return error instanceof Error ? error.message : String(error);
  return REASONS[code] ?? code;
}
