/** ZPA_GITOPS_YAML: which YAML reader the loader uses, for triaging a report of a file read wrongly. */
import { ConfigError } from '../core/errors.js';
import { YAML_READERS, type LoadOptions, type YamlReader } from '../manifest/index.js';

const YAML_READER_VARIABLE = 'ZPA_GITOPS_YAML';

/** The loader's `yaml` option as ZPA_GITOPS_YAML sets it (none when unset). */
export function yamlOption(io: { env: Readonly<Record<string, string | undefined>> }): Pick<LoadOptions, 'yaml'> {
  const yaml = yamlReaderFromEnv(io.env);
  return yaml ? { yaml } : {};
}

/** Unset or empty: the default reader. Any value but the readers' names is an error, before any call. */
function yamlReaderFromEnv(env: Readonly<Record<string, string | undefined>>): YamlReader | undefined {
  const value = env[YAML_READER_VARIABLE]?.trim() ?? '';
  if (value === '') return undefined;
  const reader = YAML_READERS.find((name) => name === value);
  if (reader) return reader;
  throw new ConfigError(
    YAML_READER_VARIABLE,
    `${YAML_READER_VARIABLE} is ${JSON.stringify(value)}; it takes ${YAML_READERS.join(' or ')} (full reads every manifest with the yaml package)`,
  );
}
