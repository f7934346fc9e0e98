/** What `comment`, `reviewed-digest` and the unsafe approval need of a code host, whichever it is. */
import { ZpaGitopsError } from '../core/errors.js';

export interface ForgeComment {
  id: string;
  body: string;
  /** The login or username that wrote it. */
  author: string;
  /** When it was last written (ISO 8601), as the forge reports it. */
  updatedAt: string;
}

/** A label added to or removed from a request, as the forge's event log has it. */
export interface LabelEvent {
  label: string;
  action: 'added' | 'removed';
  actor: string;
  /** The forge says a bot or an app did it, not a person. */
  actorIsBot: boolean;
  /** ISO 8601. */
  at: string;
}

/** A request as the forge has it now. */
export interface RequestDetails {
  /** The newest commit of its source branch. */
  headSha: string;
  labels: string[];
}

/** The comments of one pull or merge request. */
export interface RequestThread {
  /** `pull request #7`, `merge request !7`. */
  label: string;
  /** Every comment, across every page, oldest first. */
  comments(): Promise<ForgeComment[]>;
  create(body: string): Promise<void>;
  update(id: string, body: string): Promise<void>;
  details(): Promise<RequestDetails>;
  /** Every label event, across every page, oldest first. */
  labelEvents(): Promise<LabelEvent[]>;
}

export interface Forge {
  readonly name: 'GitHub' | 'GitLab';
  /** The commit this job runs on. */
  readonly sha: string;
  /** The request this job runs for, or a reason why there is none (a push, a schedule). */
  currentRequest(): Promise<RequestThread | { none: string }>;
  /**
   * Who this job's token comments as. Only comments by it count as the sticky one: anyone may post a
   * comment that carries the marker, and a forged one must never be taken for the reviewed plan.
   */
  commentAuthor(): Promise<string>;
  /** The merged request that brought `sha` to the branch, or undefined. */
  mergedRequestOf(sha: string): Promise<RequestThread | undefined>;
  /** What this job planned: the commit, and how it relates to the request's branches. */
  planned(): Promise<PlannedCommit>;
}

export interface PlannedCommit {
  /** The commit checked out and planned. */
  sha: string;
  /** The request's head commit this job was started for, when the forge says. */
  headSha?: string;
  /** How the checkout relates to the target branch, in words for the comment; undefined when unknown. */
  merge?: string;
}

/** No reviewed plan to be found: no merged request, or no plan comment on it. Exit 1. */
export class NotReviewedError extends ZpaGitopsError {}
