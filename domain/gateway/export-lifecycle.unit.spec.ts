import { describe, expect, it } from 'vitest';
import { rejectFrom, releaseFrom, statusAfterDeliveries } from './export-lifecycle';

describe('export lifecycle', () => {
  it('releases only an export awaiting review', () => {
    expect(releaseFrom('awaiting-review')).toBe('released');
    expect(() => releaseFrom('waiting')).toThrow(expect.objectContaining({ code: 'GATEWAY_NOT_AWAITING_REVIEW' }));
    expect(() => releaseFrom('rejected')).toThrow(expect.objectContaining({ code: 'GATEWAY_NOT_AWAITING_REVIEW' }));
  });

  it('needs a reason to reject, and cannot reject what already left', () => {
    expect(() => rejectFrom('awaiting-review', '  ')).toThrow(expect.objectContaining({ code: 'GATEWAY_REJECT_REASON_REQUIRED' }));
    expect(rejectFrom('delayed', 'wrong patient')).toBe('rejected');
    expect(() => rejectFrom('exported', 'too late')).toThrow(expect.objectContaining({ code: 'GATEWAY_CANNOT_REJECT' }));
  });

  it('is exported when every delivery was sent and failed when any was given up', () => {
    expect(statusAfterDeliveries([{ status: 'sent' }, { status: 'sent' }])).toBe('exported');
    expect(statusAfterDeliveries([{ status: 'sent' }, { status: 'pending' }])).toBe('released');
    expect(statusAfterDeliveries([{ status: 'sent' }, { status: 'failed' }])).toBe('failed');
  });
});
