/**
 * The simulator as a container image, built here FROM scratch: no registry can be reached
 * (toolchain.md), so the image holds only the Node binary running these tests, the libraries `ldd`
 * lists for it, and the built package with its production dependencies. No shell, no package
 * manager: `zpa-gitops sim` is the only thing it can run.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GenericContainer, getContainerRuntimeClient, Wait, type StartedTestContainer } from 'testcontainers';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const IMAGE_NAME = 'zpa-gitops-sim:test';
const NODE_IN_IMAGE = '/usr/bin/node';
const SIM_COMMAND = [NODE_IN_IMAGE, '/app/dist/cli/main.js', 'sim'];

/** The `sim` command prints this line once it accepts connections (src/sim/serve.ts). */
export function listeningLine(port: number): string {
  return `ZPA simulator listening on http://127.0.0.1:${port}`;
}

/**
 * Absolute paths of the shared objects `binary` loads, the dynamic loader included. `ldd` prints
 * `libc.so.6 => /lib/.../libc.so.6 (0x...)` and `/lib64/ld-linux-x86-64.so.2 (0x...)`; the vDSO
 * has no path and lives in the kernel.
 */
export function sharedLibraries(binary: string): string[] {
  const output = execFileSync('ldd', [binary], { encoding: 'utf8' });
  const missing = output.split('\n').filter((line) => line.includes('not found'));
  if (missing.length > 0) throw new Error(`ldd ${binary}: missing libraries:\n${missing.join('\n')}`);
  const paths = [...output.matchAll(/(\/\S+)\s+\(0x[0-9a-f]+\)/g)].map((match) => match[1] ?? '');
  if (!paths.some((path) => /\/ld-linux[^/]*\.so/.test(path)))
    throw new Error(`ldd ${binary} listed no dynamic loader:\n${output}`);
  return paths;
}

/** Package folders of the production dependency tree, as `npm ls` resolves them (root excluded). */
export function productionPackages(root: string): string[] {
  const output = execFileSync('npm', ['ls', '--omit=dev', '--parseable', '--all'], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const packages = output
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && line !== root.replace(/\/$/, ''));
  if (packages.length === 0) throw new Error('npm ls --omit=dev listed no production packages: was npm ci run?');
  return packages;
}

/** Copies a file to the same absolute path under `rootfs`, following symlinks to the real content. */
function copyToSamePath(rootfs: string, path: string): void {
  const target = join(rootfs, path);
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(path, target);
}

function copyApp(root: string, app: string): void {
  for (const needed of ['dist/cli/main.js', 'schemas', 'package.json']) {
    if (!existsSync(join(root, needed))) throw new Error(`${needed} is missing: run npm run build first`);
  }
  cpSync(join(root, 'dist'), join(app, 'dist'), { recursive: true });
  cpSync(join(root, 'schemas'), join(app, 'schemas'), { recursive: true });
  copyFileSync(join(root, 'package.json'), join(app, 'package.json'));
  for (const dir of productionPackages(root)) {
    const inRepo = relative(root, dir);
    if (isAbsolute(inRepo) || inRepo.startsWith('..') || !inRepo.startsWith(`node_modules${sep}`)) {
      throw new Error(`npm ls listed a package outside node_modules: ${dir}`);
    }
    // Nested node_modules are listed on their own lines: copy each package once, without them.
    cpSync(dir, join(app, inRepo), {
      recursive: true,
      dereference: true,
      filter: (source) => source === dir || !relative(dir, source).split(sep).includes('node_modules'),
    });
  }
}

/** Writes the build context (a `rootfs/` tree and a Dockerfile) to a new temporary folder. */
export function writeImageContext(root: string = REPO_ROOT): string {
  const context = mkdtempSync(join(tmpdir(), 'zpa-gitops-image-'));
  try {
    const rootfs = join(context, 'rootfs');
    const libraries = sharedLibraries(process.execPath);
    for (const library of libraries) copyToSamePath(rootfs, library);
    mkdirSync(join(rootfs, dirname(NODE_IN_IMAGE)), { recursive: true });
    copyFileSync(process.execPath, join(rootfs, NODE_IN_IMAGE));
    chmodSync(join(rootfs, NODE_IN_IMAGE), 0o755);
    mkdirSync(join(rootfs, 'tmp'), { mode: 0o1777 });
    copyApp(root, join(rootfs, 'app'));
    // The loader finds libraries through /etc/ld.so.cache, which a scratch image lacks: name the folders.
    const libraryPath = [...new Set(libraries.map((library) => dirname(library)))].join(':');
    writeFileSync(
      join(context, 'Dockerfile'),
      [
        'FROM scratch',
        'COPY rootfs/ /',
        `ENV LD_LIBRARY_PATH=${libraryPath} NODE_ENV=production TMPDIR=/tmp`,
        'WORKDIR /app',
        `CMD ${JSON.stringify([...SIM_COMMAND, '--port', '8080'])}`,
        '',
      ].join('\n'),
    );
    return context;
  } catch (error) {
    rmSync(context, { recursive: true, force: true });
    throw error;
  }
}

/** Builds the image from a fresh context; the context folder is removed afterwards. */
export async function buildSimulatorImage(root: string = REPO_ROOT): Promise<GenericContainer> {
  const context = writeImageContext(root);
  try {
    return await GenericContainer.fromDockerfile(context).build(IMAGE_NAME, { deleteOnExit: false });
  } finally {
    rmSync(context, { recursive: true, force: true });
  }
}

/**
 * Removes the image, so a developer's own engine does not collect a 100 MB image per code change
 * (testcontainers' image client has no remove: dockerode does).
 */
export async function removeSimulatorImage(): Promise<void> {
  const client = await getContainerRuntimeClient();
  try {
    await client.container.dockerode.getImage(IMAGE_NAME).remove({ force: true });
  } catch (error) {
    // Not there (its build failed): nothing to remove.
    if (!(typeof error === 'object' && error !== null && 'statusCode' in error && error.statusCode === 404))
      throw error;
  }
}

/**
 * Starts `zpa-gitops sim` on 127.0.0.1:`port` in the host's network namespace: never the default
 * bridge, whose 172.17.x addresses must see no traffic here. No port mapping exists in host mode,
 * so readiness is the log line, not a probe of a mapped port (and a scratch image has no shell
 * for `forListeningPorts`).
 */
export async function startSimulatorContainer(
  image: GenericContainer,
  port: number,
  onLog: (line: string) => void,
): Promise<StartedTestContainer> {
  return image
    .withNetworkMode('host')
    .withCommand([...SIM_COMMAND, '--port', String(port)])
    .withWaitStrategy(Wait.forLogMessage(listeningLine(port)))
    .withStartupTimeout(60_000)
    .withLogConsumer((stream) => stream.on('data', (chunk: Buffer | string) => onLog(String(chunk))))
    .start();
}
