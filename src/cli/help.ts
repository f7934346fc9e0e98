/** Help texts in the usual layout: usage, what it does, options, exit codes. */
export const HELP: Record<string, string> = {
  main: `Usage: zpa-gitops <command> [options]

Plan and apply Zscaler Private Access client settings and user portal links from YAML manifests.

Commands:
  validate [PATH...]   Check manifests offline (no credentials, no network)
  plan [PATH...]       Show the changes that would make the tenant match the manifests
  show FILE            Render a saved plan
  apply [PATH...]      Make the changes (or: apply --plan FILE)
  export               Write manifests from the live tenant
  fmt [PATH...]        Rewrite manifests in the canonical style (--check for CI)
  sim                  Run the embedded ZPA simulator

Options:
  -h, --help           Show help (also: zpa-gitops help <command>, zpa-gitops <command> --help)
  -v, --version        Show the version
  --no-color           No colour (any command; also NO_COLOR=1)

Terraform's single-dash spellings work too: -out=plan.json, -detailed-exitcode, -auto-approve,
-no-color, -json (= --format json).

Credentials come from the environment: ZPA_CLIENT_ID, ZPA_CLIENT_SECRET, ZPA_CUSTOMER_ID, ZPA_CLOUD
(or ZSCALER_CLIENT_ID, ZSCALER_CLIENT_SECRET, ZSCALER_VANITY_DOMAIN for OneAPI). See the README.
`,
  validate: `Usage: zpa-gitops validate [PATH...] [--allow-empty]

Checks manifests without credentials or network. PATH is a file or a directory (read recursively);
the default is the current directory. Under GitHub Actions, errors are also printed as annotations.
A folder holding no manifest is an error unless --allow-empty is given (also for plan and apply).

Exit codes: 0 valid, 1 invalid.
`,
  plan: `Usage: zpa-gitops plan [PATH...] [options]

Reads the manifests and the live tenant, and prints the changes apply would make. Makes no writes.

Options:
  --format text|markdown|json   Output format (default: text)
  --out FILE                    Save the plan for 'apply --plan FILE'
  --detailed-exitcode           Exit 2 when there are changes, 0 when there are none
  --show-unchanged              List unchanged objects too (text format)
  --prune-threshold PERCENT     Share of live links pruning may remove before the plan is unsafe (default: 30)
  --allow-empty                 Accept a folder holding no manifests (an empty desired state)

Exit codes: 0 success, 1 error, 2 changes present (with --detailed-exitcode).
`,
  show: `Usage: zpa-gitops show FILE [--format text|markdown|json]

Renders a plan saved by 'plan --out', exactly as plan printed it. No credentials needed.

Exit codes: 0 success, 1 error.
`,
  apply: `Usage: zpa-gitops apply [PATH...] [options]
       zpa-gitops apply --plan FILE [options]
       zpa-gitops apply FILE [options]         (FILE a saved plan, as in terraform apply PLANFILE)

Plans, prints the plan, asks for 'yes' on a terminal, and makes the changes. With --plan, applies
that saved plan exactly, without asking, once it has checked that nothing has changed since.

Options:
  --plan FILE                   Apply a saved plan (refused if stale or made for another target)
  --auto-approve                Do not ask (required without a terminal)
  --input=false                 Never ask: without --auto-approve, refuse (for scripts)
  --allow-unsafe                Apply a plan marked unsafe by the pruning threshold
  --parallelism N               Concurrent API calls (default: 4; the rate limiter still applies)
  --format text|json            Report format (default: text)
  --prune-threshold PERCENT     As for plan (default: 30)
  --allow-empty                 As for plan

Exit codes: 0 applied (or nothing to do), 1 error or partial failure.
`,
  sim: `Usage: zpa-gitops sim [--port N] [--state FILE] [--rate-limits]

Starts the embedded ZPA simulator on 127.0.0.1 with a small seeded tenant and prints the
environment variables that point zpa-gitops at it. Stop it with Ctrl-C.

Options:
  --port N         Port to listen on (default, or 0: a free port, printed on the first line)
  --state FILE     Keep the simulator's data in FILE between runs
  --rate-limits    Enforce the published ZPA rate limits (20 GET and 10 writes per 10 s)
`,
  fmt: `Usage: zpa-gitops fmt [PATH...] [--check] [--diff]

Rewrites manifests in one canonical style: keys in schema order, quotes only where YAML needs them,
block style with a two-space indent, and the yaml-language-server schema line first. Comments and
blank lines are kept. PATH is a file or a directory (default: the current directory); YAML files
that are not zpa-gitops manifests are left alone. Prints the name of each file that changed.

Options:
  --check          Change nothing; exit 1 when a file is not formatted (for CI)
  --diff           Show each change as a unified diff

Exit codes: 0 formatted (with --check: nothing to change), 1 a file differs or cannot be read.
`,
  export: `Usage: zpa-gitops export [--out DIR] [--portal NAME...] [--client-settings] [--force]

Writes manifests from the live tenant in the layout of the examples: client-settings.yaml,
portals/<name>.yaml and icons/, formatted as fmt formats. Existing files are kept unless --force.

Options:
  --out DIR            Folder to write (default: current directory)
  --portal NAME        Export only this portal (repeatable); default: every portal
  --client-settings    Export client settings (default: yes when no --portal is given)
  --force              Overwrite existing files

Exit codes: 0 success, 1 error.
`,
};
