import { describe, expect, it } from 'vitest';
import { formatLine } from './log-line';

describe('the local one-line form of a log item', () => {
  it('puts a request line in a fixed, readable order, with its correlation id', () => {
    const line = formatLine({
      level: 'INFO',
      message: 'request',
      timestamp: '2026-12-02T10:15:30.123Z',
      service: 'centre',
      cold_start: true,
      function_name: 'crux-local-centre-api',
      function_request_id: 'abc',
      sampling_rate: 0,
      correlation_id: '3f2a1b4c-0000-4000-8000-000000000001',
      route: 'POST /api/centres/{centreId}/activities',
      audience: 'centre',
      role: 'staff',
      centre: 'ovre-eiker',
      status: 201,
      latency_ms: 12.3,
    });
    expect(line).toBe(
      '10:15:30.123 INFO  [centre] POST /api/centres/{centreId}/activities → 201 12.3 ms staff@ovre-eiker cold id=3f2a1b4c-0000-4000-8000-000000000001',
    );
    expect(line).not.toContain('\n');
  });

  it('names an anonymous caller as such, and writes other lines as message and key=value', () => {
    expect(
      formatLine({
        level: 'INFO',
        message: 'request',
        timestamp: '2026-12-02T10:15:30.123Z',
        service: 'admin',
        route: 'GET /api/admin/centres',
        status: 401,
        latency_ms: 1,
        correlation_id: 'x',
      }),
    ).toContain('→ 401 1 ms anonymous id=x');
    expect(
      formatLine({
        level: 'ERROR',
        message: 'unhandled',
        timestamp: '2026-12-02T10:15:30.123Z',
        service: 'centre',
        error: 'TypeError',
        error_message: 'x is not a function',
        markers: { read: 2 },
      }),
    ).toBe(
      '10:15:30.123 ERROR [centre] unhandled error=TypeError error_message="x is not a function" markers={"read":2}',
    );
  });
});
