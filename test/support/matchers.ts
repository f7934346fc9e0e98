/**
 * vitest's asymmetric matchers, typed as the values they stand for. vitest declares them `any`,
 * and type-aware lint (no-unsafe-assignment) rightly keeps an `any` out of a typed object.
 */
import { expect } from 'vitest';

export function anyString(): string {
  return expect.any(String) as string;
}

export function anyNumber(): number {
  return expect.any(Number) as number;
}

export function stringMatching(pattern: string | RegExp): string {
  return expect.stringMatching(pattern) as string;
}

export function stringContaining(text: string): string {
  return expect.stringContaining(text) as string;
}

export function objectContaining(value: Record<string, unknown>): Record<string, unknown> {
  return expect.objectContaining(value) as Record<string, unknown>;
}
