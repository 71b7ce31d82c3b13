import { describe, expect, it } from 'vitest';
import { auditSummary, MAX_SUMMARY_FIELDS } from './summary.js';

describe('auditSummary', () => {
  it('names the fields sent, nested ones by dotted path, and keeps no value it was not told to', () => {
    const summary = auditSummary({
      allowGuests: true,
      branding: { name: 'Ada Lovelace Academy', accent: '#123456' },
      tags: ['a', 'b'],
    });
    expect(summary).toEqual({
      fields: ['allowGuests', 'branding.name', 'branding.accent', 'tags'],
      values: {},
    });
    expect(JSON.stringify(summary)).not.toContain('Ada');
  });

  it('keeps the scalar values of declared fields only', () => {
    expect(auditSummary({ kind: 'secret', overlapHours: 2, note: 'Bob' }, ['kind', 'overlapHours'])).toEqual({
      fields: ['kind', 'overlapHours', 'note'],
      values: { kind: 'secret', overlapHours: 2 },
    });
    expect(auditSummary({ kind: { nested: 'x' } }, ['kind']).values).toEqual({});
  });

  it('is empty for no body, and bounded for a huge one', () => {
    expect(auditSummary(undefined)).toEqual({ fields: [], values: {} });
    const huge = Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`f${i}`, i]));
    expect(auditSummary(huge).fields).toHaveLength(MAX_SUMMARY_FIELDS);
  });
});
