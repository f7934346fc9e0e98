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
  doctor               Check the credentials, the tenant and the API key's access before a first plan
  sim                  Run the embedded ZPA simulator
  comment FILE         Post a saved plan as the sticky comment of this CI job's pull/merge request
  reviewed-digest      Print the digest of the plan reviewed on the request that brought this commit

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
  --update-threshold PERCENT    Share of live links the plan may update before it is unsafe (default: 30)
  --target ADDRESS              Plan only changes inside ADDRESS (repeatable): portal:NAME, link:NAME,
                                client-setting:TYPE or client-settings. Everything is still read and checked.
  --allow-empty                 Accept a folder holding no manifests (an empty desired state)

The plan's digest (sha256 over the target and the changes) is printed last; pass it to
'apply --expect-digest' to apply exactly this plan.

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
  --plan FILE                   Apply a saved plan (refused if stale, edited or made for another target)
  --expect-digest sha256:HEX    Apply only if the plan's digest is this one (the reviewed plan);
                                a match is the approval, so no prompt and no --auto-approve;
                                with ZPA_GITOPS_PLAN_KEY set, only a keyed digest (+hmac-sha256:HEX)
                                that the key verifies (a saved plan must carry the key's HMAC too)
  --allow-unsafe-by-label       With --expect-digest, in CI after a merge: let an unsafe reviewed
                                plan through when a person added the label zpa-gitops:allow-unsafe
                                to the merged request after its comment showed this digest
  --name NAME                   The plan comment the label approval is read from (default: default)
  --auto-approve                Do not ask (required without a terminal)
  --input=false                 Never ask: without --auto-approve, refuse (for scripts)
  --allow-unsafe                Apply a plan marked unsafe by the prune or update threshold
  --parallelism N               Concurrent API calls (default: 4; the rate limiter still applies)
  --format text|json            Report format (default: text)
  --prune-threshold PERCENT     As for plan (default: 30)
  --update-threshold PERCENT    As for plan (default: 30)
  --target ADDRESS              As for plan (repeatable); with --plan, the saved plan's targets apply
  --allow-empty                 As for plan

Exit codes: 0 applied (or nothing to do), 1 error or partial failure, 3 plan again and review
(the plan changed since it was reviewed, or the saved plan is stale or edited; nothing was changed),
4 the reviewed plan is unsafe and the label did not approve it (nothing was changed).
`,
  comment: `Usage: zpa-gitops comment FILE [--name NAME] [--merged]

Posts the saved plan FILE (from 'plan --out') as the one sticky comment of the current pull request
(GitHub Actions: GITHUB_TOKEN) or merge request (GitLab CI: GITLAB_TOKEN). An earlier comment of
this command is found by its hidden marker across every page of comments and edited in place.
Only comments by the token's own user count (GitHub: github-actions[bot], or ZPA_GITOPS_COMMENT_AUTHOR).
Outside a pull or merge request it prints a notice and does nothing.

Options:
  --name NAME    Keep one comment per NAME, for several plans on one request (default: default)
  --merged       Comment on the merged request that brought this commit (after 'apply' exited 3 or 4)

Destructive changes that do not fit in one comment continue over further comments, each with its
part number and the digest.

Exit codes: 0 posted, updated or nothing to do, 1 error, 3 the plan file is stale or edited.
`,
  'reviewed-digest': `Usage: zpa-gitops reviewed-digest [--name NAME]

On the default branch after a merge, finds the pull request (GitHub) or merge request (GitLab) that
brought the current commit and prints the digest of its zpa-gitops plan comment, alone on stdout
(refused when the comment's visible digest is not its marker's, or when a comment spread over
several parts lacks it in any part; keyed and verified when ZPA_GITOPS_PLAN_KEY is set):
  zpa-gitops apply zpa/ --expect-digest "$(zpa-gitops reviewed-digest)"

Options:
  --name NAME    The plan comment's name, as given to 'comment --name' (default: default)

Exit codes: 0 printed, 1 no merged request or no plan comment on it (message on stderr).
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
  doctor: `Usage: zpa-gitops doctor [PATH...] [--format text|json] [--write-probe PORTAL]

Checks what plan needs, one line each (✓, ! a warning, ✗, or - not run), and for a ! or ✗ what to
do: the variables set and what they select, sign-in, the customer id, every collection plan reads
(with counts), the microtenant, whether client settings answer differently with the microtenant,
rate-limit headers and clock skew. With PATH, exactly the reads plan makes for those manifests;
without, a refused read plan needs only for some manifests is a warning. Read-only. The JSON report
holds no secret or token: attach it to an issue.

Options:
  --format text|json     Output format (default: text)
  --write-probe PORTAL   Also create two disabled links named zpa-gitops-probe-* on PORTAL (name or
                         id) in one bulk call, wait for them in the list read, read them back, update
                         one and delete both; reports the bulk API version, the read-after-write lag
                         and whether a PUT clears an omitted field. On SIGINT or SIGTERM it deletes
                         its probes and says which are left

Exit codes: 0 everything plan needs works, 1 a check failed or the manifests have errors, 130/143
interrupted.
`,
  export: `Usage: zpa-gitops export [--out DIR] [--target ADDRESS...] [--client-settings] [--force]

Writes manifests from the live tenant in the layout of the examples: client-settings.yaml,
portals/<name>.yaml and icons/, formatted as fmt formats. Existing files are kept unless --force.

Options:
  --out DIR            Folder to write (default: current directory)
  --target ADDRESS     Export only this (repeatable): portal:NAME, client-settings or
                       client-setting:TYPE; default: everything
  --portal NAME        Old spelling of --target portal:NAME (kept for one release)
  --client-settings    Export client settings (default: yes when no --target is given)
  --force              Overwrite existing files

Exit codes: 0 success, 1 error.
`,
};
