import { FONT, LINE_PITCH, SIZE } from './documents.layout.js';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/**
 * The document's styles.xml, written whole (the `docx` package's style options have no
 * w:snapToGrid): 3号 仿宋_GB2312 with Times New Roman for Latin text, exact line spacing of one
 * grid line, and paragraphs that do not snap to the character grid. LibreOffice lays a 16 pt
 * character on a 15.8 pt grid cell as two cells (14 characters a line); with the grid kept in
 * the section for editing and snapping off, the body's −0.5 pt character spacing gives 28 a line
 * in Word and LibreOffice alike (ADR 036).
 */
export function stylesXml(): string {
  const fonts = `<w:rFonts w:ascii="${FONT.latin}" w:hAnsi="${FONT.latin}" w:cs="${FONT.latin}" w:eastAsia="${FONT.body}"/>`;
  const size = `<w:sz w:val="${SIZE.body}"/><w:szCs w:val="${SIZE.body}"/>`;
  const spacing = `<w:spacing w:before="0" w:after="0" w:line="${LINE_PITCH}" w:lineRule="exact"/>`;
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    `<w:styles xmlns:w="${W}">`,
    `<w:docDefaults><w:rPrDefault><w:rPr>${fonts}${size}<w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault>`,
    `<w:pPrDefault><w:pPr><w:snapToGrid w:val="0"/>${spacing}</w:pPr></w:pPrDefault></w:docDefaults>`,
    `<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>`,
    `<w:pPr><w:widowControl w:val="0"/><w:snapToGrid w:val="0"/>${spacing}<w:jc w:val="both"/></w:pPr>`,
    `<w:rPr>${fonts}${size}</w:rPr></w:style>`,
    `<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>`,
    `<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:semiHidden/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>`,
    `<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/><w:pPr><w:snapToGrid w:val="0"/></w:pPr></w:style>`,
    '</w:styles>',
  ].join('');
}
