import { describe, expect, test } from 'vitest';
import { parseConfig } from './config';

const base = { authority: 'https://idp.example/pool/', clientId: 'abc' };

describe('parseConfig', () => {
  test('the API location is this origin or another origin, never a path', () => {
    expect(parseConfig({ ...base, apiBase: '' })?.apiBase).toBe('');
    expect(parseConfig({ ...base, apiBase: 'https://api.example/' })?.apiBase).toBe('https://api.example');
    expect(parseConfig({ ...base, apiBase: '/api' })).toBeNull();
    expect(parseConfig({ ...base, apiBase: 'https://api.example/api' })).toBeNull();
  });

  test('trims the authority and keeps an optional Cognito logout URL', () => {
    expect(parseConfig({ ...base, apiBase: '', logoutUrl: 'https://auth.example/logout' })).toEqual({
      authority: 'https://idp.example/pool',
      clientId: 'abc',
      apiBase: '',
      logoutUrl: 'https://auth.example/logout',
    });
  });

  test('refuses settings that could send tokens or users somewhere unexpected', () => {
    expect(parseConfig({ ...base, apiBase: '//evil.example' })).toBeNull();
    expect(parseConfig({ ...base, authority: 'javascript:alert(1)', apiBase: '' })).toBeNull();
    expect(parseConfig({ ...base, apiBase: '', logoutUrl: 'data:text/html,x' })).toBeNull();
    expect(parseConfig({ authority: base.authority, apiBase: '' })).toBeNull();
    expect(parseConfig('nonsense')).toBeNull();
  });
});
