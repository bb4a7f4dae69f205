/**
 * The GB/T 9704-2012 page, in the units Word writes (twips: 1/20 pt; 1 mm = 1440 / 25.4 twips).
 * The arithmetic is in docs/decisions/036-document-engine.md; the rendering tests read these
 * numbers back from the PDF LibreOffice makes.
 */
export const TWIPS_PER_MM = 1440 / 25.4;
export const mm = (v: number): number => Math.round(v * TWIPS_PER_MM);

export const PAGE = { widthMm: 210, heightMm: 297, width: 11906, height: 16838 } as const;
export const MARGIN_MM = { top: 37, bottom: 35, left: 28, right: 26 } as const;
export const MARGIN = {
  top: mm(MARGIN_MM.top), // 2098
  bottom: mm(MARGIN_MM.bottom), // 1984
  left: mm(MARGIN_MM.left), // 1587
  right: mm(MARGIN_MM.right), // 1474
} as const;
/** The 版心: 156 × 225 mm. */
export const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right; // 8845 twips = 156.0 mm
export const TEXT_HEIGHT = PAGE.height - MARGIN.top - MARGIN.bottom; // 12756 twips = 225.0 mm

export const LINES_PER_PAGE = 22;
export const CHARS_PER_LINE = 28;
/** Half-points, as w:sz writes them: 2号 22 pt, 3号 16 pt, 4号 14 pt. */
export const SIZE = { title: 44, body: 32, small: 28, letterhead: 72 } as const;
/** The grid's line pitch: 225 mm / 22 lines = 579.8 twips, rounded down so 22 lines fit. */
export const LINE_PITCH = Math.floor(TEXT_HEIGHT / LINES_PER_PAGE); // 579
/**
 * The grid's character pitch is the body size plus charSpace / 4096 pt (ECMA-376 §17.6.5):
 * 8845 / 20 / 28 = 15.795 pt, so charSpace = (15.795 − 16) × 4096 = −841.
 */
export const CHAR_PITCH_PT = TEXT_WIDTH / 20 / CHARS_PER_LINE;
export const CHAR_SPACE = Math.round((CHAR_PITCH_PT - SIZE.body / 2) * 4096); // −841
/**
 * Each character of 3号 text is drawn 0.5 pt narrower (w:spacing −10 twips), so 28 characters
 * (28 × 15.5 = 434 pt) and never 29 (449.5 pt) fit the 442.25 pt line when not snapping to the grid
 * (at −0.25 pt LibreOffice fits only 27: its glyph widths round up).
 */
export const BODY_CHAR_SPACING = -10;
/** Footer: the page number's line ends 23 mm above the paper's lower edge (≈7 mm under the 版心). */
export const FOOTER_DISTANCE = mm(23);
/** "一字" of a 4号 page number: 14 pt. */
export const PAGE_NUMBER_INDENT = 280;

/** The official faces, written as East Asian fonts; Latin text in Times New Roman. */
export const FONT = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  heading1: '黑体',
  heading2: '楷体_GB2312',
  pageNumber: '宋体',
  latin: 'Times New Roman',
} as const;
export const RED = 'FF0000';
