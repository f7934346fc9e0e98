/** The CI recipes parse, and every zpa-gitops command line in them names a real command and real flags. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { HELP } from '../../src/cli/help.js';

const recipes = ['examples/ci/github-actions.yml', 'examples/ci/gitlab-ci.yml'];

function commandLines(text: string): string[] {
  return [...text.matchAll(/zpa-gitops ([a-z]+)([^\n|>;&]*)/g)]
    .map((m) => `${m[1]}${m[2]}`.trim())
    .filter((l) => !l.startsWith('plan comment'));
}

describe('CI recipes', () => {
  it.each(recipes)('%s parses and uses only real commands and flags', (path) => {
    const text = readFileSync(path, 'utf8');
    expect(parse(text)).toBeTypeOf('object');
    const lines = commandLines(text).filter((l) => /^(validate|plan|apply|show|export|sim)(\s|$)/.test(l));
    expect(lines.length).toBeGreaterThanOrEqual(3);
    for (const line of lines) {
      const [command = '', ...words] = line.split(/\s+/);
      const help = HELP[command];
      expect(help, line).toBeDefined();
      for (const flag of words.filter((w) => w.startsWith('--')))
        expect(help, `${flag} in "${line}"`).toContain(flag.replace(/=.*/, ''));
    }
  });

  it('GitHub: plans with Markdown and detailed exit codes on pull requests, applies on push in one concurrency group, checks drift on a schedule', () => {
    const workflow = parse(readFileSync(recipes[0]!, 'utf8')) as {
      jobs: Record<string, { if: string; concurrency?: { group: string }; steps: { run?: string }[] }>;
    };
    const runs = (job: string) => workflow.jobs[job]!.steps.map((s) => s.run ?? '').join('\n');
    expect(runs('plan')).toContain('plan zpa/ --format markdown --detailed-exitcode');
    expect(workflow.jobs['apply']!.concurrency?.group).toBe('zpa-gitops-apply');
    expect(runs('apply')).toContain('apply zpa/ --auto-approve');
    expect(runs('drift')).toContain('--detailed-exitcode');
  });
});
