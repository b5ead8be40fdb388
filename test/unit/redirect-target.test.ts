import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { redirectTarget, safeRedirectPath } from '../../src/web/redirect-target.js';

// The one rule every redirect target goes through (language switch, sign-in, second factor).
describe('redirect targets', () => {
  test('paths on this site are followed, with characters outside ASCII percent-encoded for the header', () => {
    assert.equal(safeRedirectPath('/en/press-releases/12'), '/en/press-releases/12');
    assert.equal(safeRedirectPath('/admin/releases?state=draft&q=budget#list'), '/admin/releases?state=draft&q=budget#list');
    assert.equal(safeRedirectPath('/ko/search?q=%EA%B5%AD%EB%B0%A9'), '/ko/search?q=%EA%B5%AD%EB%B0%A9');
    assert.equal(safeRedirectPath('/ko/search?q=국방'), '/ko/search?q=%EA%B5%AD%EB%B0%A9');
    assert.equal(safeRedirectPath('/en/€'), '/en/%E2%82%AC');
    assert.equal(safeRedirectPath('/'), '/');
  });

  const refused: [string, unknown][] = [
    ['a tab after the slash (the reported open redirect)', '/\t/evil.example'],
    ['an encoded tab', '/%09/evil.example'],
    ['a doubly encoded tab', '/%2509/evil.example'],
    ['a newline', '/\n/evil.example'],
    ['CR LF (header splitting)', '/a\r\nSet-Cookie: x=1'],
    ['encoded CR LF', '/a%0d%0aSet-Cookie:%20x=1'],
    ['a space', '/ /evil.example'],
    ['a no-break space', '/\u00a0/evil.example'],
    ['an ideographic space', '/\u3000/evil.example'],
    ['a right-to-left override', '/\u202e/evil.example'],
    ['a zero-width space', '/\u200b/evil.example'],
    ['a C1 control', '/\u0085/evil.example'],
    ['DEL', '/\u007f/evil.example'],
    ['a lone surrogate', '/\ud800'],
    ['protocol-relative', '//evil.example/'],
    ['a backslash', '/\\evil.example'],
    ['an encoded backslash', '/%5Cevil.example'],
    ['an encoded slash making //', '/%2F/evil.example'],
    ['// later in the path', '/en//evil.example'],
    ['an absolute URL', 'https://evil.example/'],
    ['a javascript: URL', 'javascript:alert(1)'],
    ['a relative path', 'en/press-releases'],
    ['malformed percent-encoding', '/en/%E0%A4%A'],
    ['encoded more than three times', `/${encodeURIComponent(encodeURIComponent(encodeURIComponent(encodeURIComponent('\t'))))}`],
    ['an empty string', ''],
    ['too long', `/${'a'.repeat(2000)}`],
    ['not a string (a repeated parameter)', ['/a', '/b']],
    ['undefined', undefined],
  ];
  for (const [label, raw] of refused) {
    test(`refuses ${label}`, () => {
      assert.equal(safeRedirectPath(raw), null);
      assert.equal(redirectTarget(raw, '/ko/'), '/ko/');
    });
  }

  test('a query may carry // (a URL searched for); only the path may not', () => {
    assert.equal(safeRedirectPath('/en/search?q=https://example.org'), '/en/search?q=https://example.org');
  });
});
