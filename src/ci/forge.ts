/** What `comment` and `reviewed-digest` need of a code host, whichever it is. */
import { ZpaGitopsError } from '../core/errors.js';

export interface ForgeComment {
  id: string;
  body: string;
  /** The login or username that wrote it. */
  author: string;
}

/** The comments of one pull or merge request. */
export interface RequestThread {
  /** `pull request #7`, `merge request !7`. */
  label: string;
  /** Every comment, across every page, oldest first. */
  comments(): Promise<ForgeComment[]>;
  create(body: string): Promise<void>;
  update(id: string, body: string): Promise<void>;
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
}

/** No reviewed plan to be found: no merged request, or no plan comment on it. Exit 1. */
export class NotReviewedError extends ZpaGitopsError {}
