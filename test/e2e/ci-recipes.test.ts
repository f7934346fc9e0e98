/**
 * The CI recipes and the action parse, name only real commands and flags, pin the tool, and have the
 * jobs a team needs. (test/e2e/recipe-harness.ts runs them.)
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { HELP } from '../../src/cli/help.js';

const recipes = [
  'examples/ci/github-actions.yml',
  'examples/ci/github-actions-multi-tenant.yml',
  'examples/ci/gitlab-ci.yml',
  'action.yml',
];
const COMMANDS = /^(validate|plan|apply|show|export|sim|comment|reviewed-digest)(\s|$)/;

function commandLines(text: string): string[] {
  return [...text.matchAll(/zpa-gitops ([a-z-]+)([^\n|>;&)"]*)/g)].map((m) => `${m[1]}${m[2]}`.trim());
}

type Workflow = {
  jobs: Record<
    string,
    { if: string; concurrency?: { group: string }; steps: { uses?: string; run?: string; with?: object }[] }
  >;
};
const github = parse(readFileSync(recipes[0]!, 'utf8')) as Workflow & { on: Record<string, unknown> };
const runs = (job: string) => github.jobs[job]!.steps.map((s) => s.run ?? '').join('\n');

describe('CI recipes', () => {
  it.each(recipes)('%s parses and uses only real commands and flags', (path) => {
    const text = readFileSync(path, 'utf8');
    expect(parse(text)).toBeTypeOf('object');
    const lines = commandLines(text).filter((l) => COMMANDS.test(l));
    expect(lines.length).toBeGreaterThanOrEqual(path === 'action.yml' ? 0 : 3);
    for (const line of lines) {
      const [command = '', ...words] = line.split(/\s+/);
      const help = HELP[command];
      expect(help, line).toBeDefined();
      for (const flag of words.filter((w) => w.startsWith('--')))
        expect(help, `${flag} in "${line}"`).toContain(flag.replace(/=.*/, ''));
    }
    expect(text).not.toContain('npx');
  });

  it('GitHub: the action pinned to a tag in every job', () => {
    for (const [name, job] of Object.entries(github.jobs)) {
      const uses = job.steps.map((s) => s.uses ?? '').filter((u) => u.startsWith('zpa-gitops/'));
      expect(uses, name).toEqual(['zpa-gitops/zpa-gitops@v0.1.0']);
    }
  });

  it('GitHub: pull request validate, plan --out, comment, artifact; apply by reviewed digest in a concurrency group; manual digest; drift', () => {
    expect(Object.keys(github.on).sort()).toEqual(['pull_request', 'push', 'schedule', 'workflow_dispatch']);
    expect(runs('plan')).toContain('zpa-gitops validate zpa/');
    expect(runs('plan')).toContain('zpa-gitops plan zpa/ --out plan.json');
    expect(runs('plan')).toContain('zpa-gitops comment plan.json');
    expect(github.jobs['plan']!.steps.some((s) => s.uses?.startsWith('actions/upload-artifact@'))).toBe(true);
    expect(runs('apply')).toContain('digest="$(zpa-gitops reviewed-digest)"');
    expect(runs('apply')).toContain('zpa-gitops apply zpa/ --expect-digest "$digest"');
    expect(runs('apply')).toContain('zpa-gitops comment plan.json --merged');
    expect(github.jobs['apply']!.concurrency?.group).toBe('zpa-gitops-apply');
    expect(github.jobs['apply-reviewed']!.concurrency?.group).toBe('zpa-gitops-apply');
    expect(runs('apply-reviewed')).toContain('--expect-digest "$DIGEST"');
    expect(runs('drift')).toContain('zpa-gitops plan zpa/ --detailed-exitcode');
  });

  it('GitLab: pinned version, resource group on both applies, a manual job taking a digest', () => {
    const ci = parse(readFileSync(recipes[2]!, 'utf8')) as Record<
      string,
      { resource_group?: string; rules?: { when?: string }[]; script?: string[] }
    > & { variables: Record<string, string> };
    expect(ci.variables['ZPA_GITOPS_VERSION']).toMatch(/^v\d+\.\d+\.\d+$/);
    expect(ci['zpa-apply']?.resource_group).toBe('zpa-gitops-apply');
    expect(ci['zpa-apply-reviewed']?.resource_group).toBe('zpa-gitops-apply');
    expect(ci['zpa-apply-reviewed']?.rules?.[0]?.when).toBe('manual');
    expect(ci['zpa-apply-reviewed']?.script?.join('\n')).toContain('${ZPA_GITOPS_DIGEST:?');
  });

  it('the multi-tenant example keeps one comment, digest and concurrency group per target', () => {
    const multi = parse(readFileSync(recipes[1]!, 'utf8')) as Workflow;
    const text = readFileSync(recipes[1]!, 'utf8');
    expect(text).toContain('zpa-gitops comment plan.json --name "$TARGET"');
    expect(text).toContain('zpa-gitops reviewed-digest --name "$TARGET"');
    expect(multi.jobs['apply']!.concurrency?.group).toBe('zpa-gitops-apply-${{ matrix.target }}');
  });
  it.each(['action.yml', '.github/workflows/release.yml'])(
    '%s pins every action by commit SHA, its version in a comment',
    (path) => {
      const uses = [...readFileSync(path, 'utf8').matchAll(/^ *(?:- )?uses: (\S+)(.*)$/gm)];
      expect(uses.length).toBeGreaterThan(0);
      for (const [, action, comment] of uses) {
        expect(action, path).toMatch(/^[\w.-]+\/[\w.-]+@[0-9a-f]{40}$/);
        expect(comment, `${action} in ${path}`).toMatch(/^ # v\d+\.\d+\.\d+$/);
      }
    },
  );

  it('the release workflow runs on version tags, publishes only with the token, and says when it does not', () => {
    const release = parse(readFileSync('.github/workflows/release.yml', 'utf8')) as {
      on: { push: { tags: string[] } };
      jobs: { release: { steps: { run?: string; env?: Record<string, string> }[] } };
    };
    expect(release.on.push.tags).toEqual(['v*']);
    const steps = release.jobs.release.steps;
    const publish = steps.find((s) => s.run?.includes('npm publish --provenance'));
    expect(publish?.env?.['NODE_AUTH_TOKEN']).toBe('${{ secrets.NPM_TOKEN }}');
    expect(publish?.run).toMatch(/if \[ -z "\$NODE_AUTH_TOKEN" \][\s\S]*::notice::No NPM_TOKEN secret/);
    const all = steps.map((s) => s.run ?? '').join('\n');
    expect(all).toContain('npm run release -- --out release');
    expect(all).toContain('gh release create');
    expect(all).toContain('SHA256SUMS');
    expect(all).toContain('${GITHUB_REF_NAME%%.*}'); // the major tag
  });

  it('GitLab: the release bundle by URL, its checksum checked before it is installed', () => {
    const ci = parse(readFileSync(recipes[2]!, 'utf8')) as { default: { before_script: string[] } };
    const [download, verify, install] = ci.default.before_script;
    expect(download).toContain('zpa-gitops-bundle-${ZPA_GITOPS_VERSION#v}.tgz');
    expect(verify).toMatch(/\$\{ZPA_GITOPS_SHA256:\?.*\| sha256sum -c -$/);
    expect(install).toBe('npm install -g --offline --no-audit --no-fund /tmp/zpa-gitops.tgz');
  });
});
