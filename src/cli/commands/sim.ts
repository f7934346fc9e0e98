import { UsageError } from '../../core/errors.js';
import type { CliIo } from '../io.js';

export async function simCommand(_args: string[], _io: CliIo): Promise<number> {
  throw new UsageError('sim is not available yet');
}
