/**
 * What doctor learns from the replies' headers, gathered through the client's `onReply` observer:
 * pages per collection, rate-limit headers, and the clock skew against each reply's `Date`.
 */
import type { Clock } from '../core/clock.js';
import type { ReplyInfo } from '../zpa/index.js';

/** Names that carry rate-limit state, in the forms APIs use (the ZPA page documents none but 429's). */
const RATE_LIMIT_HEADER = /^(x-)?rate-?limit|^retry-after$/i;

export interface SkewSample {
  /** Server `Date` minus our clock at arrival, in ms; positive means our clock is behind. */
  skewMs: number;
}

export class RepliesSeen {
  readonly replies: ReplyInfo[] = [];
  /** The last value of each rate-limit header seen. */
  readonly rateLimitHeaders = new Map<string, string>();
  readonly skews: SkewSample[] = [];

  constructor(private readonly clock: Clock) {}

  /** For `ZpaClientOptions.onReply`. */
  readonly observe = (reply: ReplyInfo): void => {
    const arrivedAt = this.clock.now();
    this.replies.push(reply);
    for (const [name, value] of Object.entries(reply.headers))
      if (RATE_LIMIT_HEADER.test(name)) this.rateLimitHeaders.set(name.toLowerCase(), value);
    const date = reply.headers['date'];
    const serverTime = date === undefined ? Number.NaN : Date.parse(date);
    if (!Number.isNaN(serverTime)) this.skews.push({ skewMs: serverTime - arrivedAt });
  };

  /** Replies since `mark` (a length of `replies` taken earlier); doctor reads one thing at a time. */
  since(mark: number): ReplyInfo[] {
    return this.replies.slice(mark);
  }
}
