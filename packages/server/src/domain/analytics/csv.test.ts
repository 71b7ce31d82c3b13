import { describe, expect, it } from 'vitest';
import { csvCell, csvRow } from './csv.js';

describe('CSV cells', () => {
  it('quote a formula at the start of a text cell', () => {
    for (const text of ['=1+1', '+1', '-2', '@SUM(A1)', '\t=1', '\r=1']) {
      expect(csvCell(text).replace(/^"/, ''), JSON.stringify(text)).toMatch(/^'/);
    }
    expect(csvCell('=1+1')).toBe("'=1+1");
  });

  it('quote a formula after a ; or , inside the cell, where a ;-locale spreadsheet splits it', () => {
    expect(csvCell('a;=1+1')).toBe("a;'=1+1");
    expect(csvCell('a; =1+1')).toBe("a; '=1+1");
    expect(csvCell('x;+1;-2;@A1')).toBe("x;'+1;'-2;'@A1");
    expect(csvCell('a,=1+1')).toBe(`"a,'=1+1"`);
    expect(csvCell('=1;=2')).toBe("'=1;'=2");
    expect(csvCell('note\n=cmd')).toBe(`"note\n'=cmd"`);
    // Lists are joined with ; and checked the same way.
    expect(csvCell(['sql', '=HYPERLINK("http://evil")'])).toBe(`"sql;'=HYPERLINK(""http://evil"")"`);
  });

  it('leave text without a formula start as it is, and numbers alone', () => {
    expect(csvCell('well-known; e-mail, a+b')).toBe('"well-known; e-mail, a+b"');
    expect(csvCell('a;b')).toBe('a;b');
    expect(csvCell(-2)).toBe('-2');
    expect(csvCell(null)).toBe('');
  });

  it('no part of a guarded cell starts a formula once a ;-locale spreadsheet splits the row', () => {
    const row = csvRow(['id-1', 'Help;=cmd|" /C calc"!A0', 'x;@SUM(1)', '-5;+7']);
    for (const part of row.replace(/\r\n$/, '').split(';')) {
      expect(part.replace(/^[ "]*/, ''), part).not.toMatch(/^[=+\-@\t\r]/);
    }
  });
});
