import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The official faces mapped to free fonts for rendering (LibreOffice reads FONTCONFIG_FILE):
 * 仿宋_GB2312 and 宋体 → AR PL SungtiL GB (fonts-arphic-gbsn00lp), 楷体_GB2312 → AR PL KaitiM GB
 * (fonts-arphic-gkai00mp), 方正小标宋简体 → Noto Serif CJK SC, 黑体 → Noto Sans CJK SC
 * (fonts-noto-cjk), Times New Roman → Noto Serif CJK SC's Latin. A server with the real faces
 * installed keeps them: the system configuration is included first and the mapping only
 * rewrites names no installed font answers.
 */
export const FONT_MAP: Readonly<Record<string, string>> = {
  仿宋_GB2312: 'AR PL SungtiL GB',
  仿宋: 'AR PL SungtiL GB',
  宋体: 'AR PL SungtiL GB',
  楷体_GB2312: 'AR PL KaitiM GB',
  楷体: 'AR PL KaitiM GB',
  方正小标宋简体: 'Noto Serif CJK SC',
  黑体: 'Noto Sans CJK SC',
  'Times New Roman': 'Noto Serif CJK SC',
};

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function fontconfigXml(): string {
  const rules = Object.entries(FONT_MAP).map(
    ([from, to]) =>
      `  <alias binding="same"><family>${escapeXml(from)}</family><accept><family>${escapeXml(to)}</family></accept></alias>`,
  );
  return [
    '<?xml version="1.0"?>',
    '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">',
    '<fontconfig>',
    '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>',
    ...rules,
    '</fontconfig>',
    '',
  ].join('\n');
}

/** Writes the mapping into `dir` and returns the file's path (for FONTCONFIG_FILE). */
export function writeFontconfig(dir: string): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'fonts.conf');
  writeFileSync(file, fontconfigXml());
  return file;
}
