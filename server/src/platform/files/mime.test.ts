import { describe, expect, it } from 'vitest';
import { writeZip } from '#test/xlsx-bomb.ts';
import { extensionFits, sniffType } from './mime.ts';

describe('B5 files: type from the bytes', () => {
  it('B5 files: recognises the allowed types by magic bytes and Office files by their parts', () => {
    expect(sniffType(Buffer.from('%PDF-1.7\n…'), 'a.pdf')).toBe('application/pdf');
    expect(sniffType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]), 'a.png')).toBe('image/png');
    expect(sniffType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]), 'anh.jpg')).toBe('image/jpeg');
    expect(sniffType(Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBPVP8 ')]), 'a.webp')).toBe('image/webp');
    expect(sniffType(writeZip({ 'word/document.xml': '<w/>' }), 'a.docx')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(sniffType(writeZip({ 'xl/workbook.xml': '<w/>' }), 'a.xlsx')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(sniffType(Buffer.from('Tên,Loại\nAn Thái,thôn\n'), 'thon.csv')).toBe('text/csv');
  });

  it('B5 files: refuses what the client merely calls allowed: an executable named .pdf, a zip named .docx, binary named .txt', () => {
    expect(sniffType(Buffer.from('MZ\x90\x00\x03'), 'bao-cao.pdf')).toBeNull();
    expect(sniffType(writeZip({ 'payload.exe': 'MZ' }), 'bao-cao.docx')).toBeNull();
    expect(sniffType(Buffer.from([0x41, 0x00, 0x42]), 'ghi-chu.txt')).toBeNull();
    expect(sniffType(Buffer.from('<script>alert(1)</script>'), 'trang.html')).toBeNull();
    expect(extensionFits('application/pdf', 'anh.jpg')).toBe(false);
    expect(extensionFits('image/jpeg', 'ANH.JPEG')).toBe(true);
  });
});
