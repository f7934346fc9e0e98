/** The redactor: configured secrets of any length, token shapes never issued here, and cutting after masking. */
import { describe, expect, it } from 'vitest';
import { Redactor } from '../../src/zpa/redact.js';

describe('Redactor', () => {
  it('masks a short secret only when told it is the configured one', () => {
    const loose = new Redactor();
    loose.add('k3y');
    expect(loose.redact('the k3y')).toBe('the k3y');
    const strict = new Redactor();
    strict.add('k3y', { always: true });
    expect(strict.redact('the k3y and k3y')).toBe('the *** and ***');
  });

  it('masks JWTs, GitHub and GitLab token shapes it never saw', () => {
    const text =
      'a eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig b ghs_0123456789abcdefABCDEF c github_pat_11ABCDEFG0123456789_abcdefghij d glpat-abcdefghij0123456789 e';
    expect(new Redactor().redact(text)).toBe('a *** b *** c *** d *** e');
  });

  it('masks before cutting, so a secret across the cut is never half printed', () => {
    const redactor = new Redactor();
    redactor.add('s3cr3t-value-0123456789');
    const text = `${'x'.repeat(15)}s3cr3t-value-0123456789`;
    expect(redactor.redactAndCut(text, 20)).toBe(`${'x'.repeat(15)}***`);
    expect(redactor.redactAndCut(`${'y'.repeat(30)}`, 20)).toBe(`${'y'.repeat(20)}…`);
  });
});
