import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  type IRunOptions,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  type ParagraphChild,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import {
  BODY_CHAR_SPACING,
  CHAR_SPACE,
  FONT,
  FOOTER_DISTANCE,
  LINE_PITCH,
  MARGIN,
  mm,
  PAGE,
  PAGE_NUMBER_INDENT,
  RED,
  SIZE,
  TEXT_WIDTH,
} from './documents.layout.js';
import { stylesXml } from './documents.styles.js';

/**
 * The document engine (ADR 036): a form is a list of blocks; the engine lays them out as a
 * GB/T 9704 公文 on the `docx` package — the page, margins and grid of documents.layout.ts,
 * the official faces as East Asian fonts with Latin text in Times New Roman, the page number
 * "— 1 —" on the outer side of odd and even pages. Pure: no database, no clock.
 */

/** 1: 一、 (黑体) · 2: （一） (楷体) · 3: 1. and 4: (1) (仿宋); 0 or none: body text. */
export type HeadingLevel = 0 | 1 | 2 | 3 | 4;

export type Block =
  | { kind: 'title'; text: string }
  /** 主送机关: the units addressed, ending with a full-width colon. */
  | { kind: 'addressee'; text: string }
  | { kind: 'paragraph'; text: string; level?: HeadingLevel }
  /**
   * A table, its header row (when it has one) repeated on each page; widths in millimetres
   * (sum ≤ 156); `align` per column (default centred); a cell's lines split at \n.
   */
  | {
      kind: 'table';
      headers?: string[];
      widthsMm: number[];
      rows: string[][];
      size?: number;
      align?: ('center' | 'left')[];
    }
  /** 附件说明 under the body: 附件：1. … */
  | { kind: 'attachmentNote'; items: string[] }
  /** 落款 (the issuing organ) and 成文日期, right-aligned four characters in. */
  | { kind: 'signature'; organ: string; date: string }
  /** An attachment starts a page: "附件" (黑体) top left, numbered when there are several. */
  | { kind: 'attachment'; label: string; title: string }
  /** Label and value lines of a form (请假审批表 etc.) are tables; a gap is a blank line. */
  | { kind: 'blank' };

/** 版头: 发文机关标志 (red), 发文字号 and, for a 上行文, 签发人; a red line under them. */
export interface Letterhead {
  organ: string;
  number: string;
  signer?: string | null;
}

/** 版记: 抄送, 印发机关 and 印发日期 between separator lines. */
export interface Colophon {
  cc: string[];
  printer: string;
  printDate: string;
}

export interface DocumentSpec {
  /** The file's own title (docProps). */
  title: string;
  letterhead?: Letterhead;
  blocks: Block[];
  colophon?: Colophon;
}

const fontOf = (eastAsia: string) => ({
  ascii: FONT.latin,
  hAnsi: FONT.latin,
  cs: FONT.latin,
  eastAsia,
});

const exact = (line: number = LINE_PITCH) => ({ line, lineRule: LineRuleType.EXACT, before: 0, after: 0 });

function run(text: string, face: string, size: number, extra: Partial<IRunOptions> = {}): TextRun {
  return new TextRun({
    text,
    font: fontOf(face),
    size,
    characterSpacing: size === SIZE.body ? BODY_CHAR_SPACING : undefined,
    ...extra,
  });
}

const HEADING_FACE: Record<HeadingLevel, string> = {
  0: FONT.body,
  1: FONT.heading1,
  2: FONT.heading2,
  3: FONT.body,
  4: FONT.body,
};

/** 3号 body paragraph: first line indented two characters, justified. */
function bodyParagraph(text: string, level: HeadingLevel = 0): Paragraph {
  return new Paragraph({
    children: [run(text, HEADING_FACE[level], SIZE.body)],
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: 640 },
    spacing: exact(),
    ...NO_HANGING,
  });
}

/**
 * Punctuation at a line's end: <w:overflowPunct/> on each paragraph. Word reads it as its own
 * default (it may hang); LibreOffice, which reads the element per paragraph and not from
 * styles, keeps punctuation inside the text area only with it (measured: without it, or with
 * w:val="0", a comma at the end of a full line lies 13 pt outside the 版心). ADR 036.
 */
const NO_HANGING = { overflowPunctuation: true };
const plain = (children: ParagraphChild[], extra: Record<string, unknown> = {}) =>
  new Paragraph({ children, spacing: exact(), ...NO_HANGING, ...extra });

function tableOf(b: Extract<Block, { kind: 'table' }>): Table {
  const size = b.size ?? SIZE.small;
  const widths = b.widthsMm.map(mm);
  const cell = (text: string, width: number, header: boolean, left = false) =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      // a list's cells centred; a form's (no header row) from the top, the label beside its value's first line
      verticalAlign: b.headers ? VerticalAlignTable.CENTER : VerticalAlignTable.TOP,
      margins: { left: 28, right: 28, top: 28, bottom: 28 },
      children: text.split('\n').map(
        (line) =>
          new Paragraph({
            children: [run(line, header ? FONT.heading1 : FONT.body, size)],
            alignment: left ? AlignmentType.LEFT : AlignmentType.CENTER,
            ...NO_HANGING,
            spacing: { line: Math.round(size * 12.5), lineRule: LineRuleType.EXACT, before: 0, after: 0 },
          }),
      ),
    });
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: widths.reduce((a, w) => a + w, 0), type: WidthType.DXA },
    columnWidths: widths,
    alignment: AlignmentType.CENTER,
    rows: [
      ...(b.headers
        ? [
            new TableRow({
              tableHeader: true,
              cantSplit: true,
              children: b.headers.map((h, k) => cell(h, widths[k] ?? 0, true)),
            }),
          ]
        : []),
      ...b.rows.map(
        (r) =>
          new TableRow({
            cantSplit: true,
            children: r.map((v, k) => cell(v, widths[k] ?? 0, false, b.align?.[k] === 'left')),
          }),
      ),
    ],
  });
}

function blockOf(b: Block): (Paragraph | Table)[] {
  switch (b.kind) {
    case 'title':
      return [
        plain([run(b.text, FONT.title, SIZE.title)], {
          alignment: AlignmentType.CENTER,
          spacing: exact(LINE_PITCH * 2),
        }),
        plain([]),
      ];
    case 'addressee':
      return [plain([run(b.text, FONT.body, SIZE.body)])];
    case 'paragraph':
      return [bodyParagraph(b.text, b.level)];
    case 'table':
      return [tableOf(b)];
    case 'attachmentNote':
      return [
        plain([]),
        ...b.items.map((item, k) =>
          plain(
            [
              run(
                k === 0 ? `附件：${b.items.length > 1 ? `${k + 1}.` : ''}${item}` : `${k + 1}.${item}`,
                FONT.body,
                SIZE.body,
              ),
            ],
            // 附件说明 two characters in; its later items line up under the first one's text
            { indent: k === 0 ? { left: 640 } : { left: 640 + 3 * 320 } },
          ),
        ),
      ];
    case 'signature':
      return [
        plain([]),
        plain([]),
        plain([run(b.organ, FONT.body, SIZE.body)], {
          alignment: AlignmentType.RIGHT,
          indent: { right: 4 * 320 },
        }),
        plain([run(b.date, FONT.body, SIZE.body)], {
          alignment: AlignmentType.RIGHT,
          indent: { right: 4 * 320 },
        }),
      ];
    case 'attachment':
      return [
        plain([run(b.label, FONT.heading1, SIZE.body)], { pageBreakBefore: true }),
        plain([]),
        plain([run(b.title, FONT.title, SIZE.title)], {
          alignment: AlignmentType.CENTER,
          spacing: exact(LINE_PITCH * 2),
        }),
        plain([]),
      ];
    case 'blank':
      return [plain([])];
  }
}

function letterheadOf(h: Letterhead): Paragraph[] {
  const red = { color: RED };
  const numberLine = h.signer
    ? plain(
        [
          run(h.number, FONT.body, SIZE.body),
          new TextRun({ text: '\t' }),
          run('签发人：', FONT.body, SIZE.body),
          run(h.signer, FONT.heading2, SIZE.body),
        ],
        {
          indent: { left: 320, right: 320 },
          tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH - 640 }],
        },
      )
    : plain([run(h.number, FONT.body, SIZE.body)], { alignment: AlignmentType.CENTER });
  return [
    plain([]),
    plain([run(h.organ, FONT.title, SIZE.letterhead, red)], {
      alignment: AlignmentType.CENTER,
      spacing: exact(LINE_PITCH * 3),
    }),
    plain([]),
    numberLine,
    // the red separator, 4 mm under the 发文字号, as wide as the 版心
    plain([], {
      spacing: { line: mm(4), lineRule: LineRuleType.EXACT, before: 0, after: 0 },
      border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: RED, space: 0 } },
    }),
    plain([]),
  ];
}

function colophonOf(c: Colophon): Paragraph[] {
  const line = (size: number) => ({ style: BorderStyle.SINGLE, size, color: '000000', space: 1 });
  const out: Paragraph[] = [plain([]), plain([])];
  if (c.cc.length > 0)
    out.push(
      plain([run(`抄送：${c.cc.join('，')}。`, FONT.body, SIZE.small)], {
        indent: { left: 280, right: 280, hanging: 0 },
        border: { top: line(8), bottom: line(4) },
      }),
    );
  out.push(
    plain(
      [
        run(c.printer, FONT.body, SIZE.small),
        new TextRun({ text: '\t' }),
        run(`${c.printDate}印发`, FONT.body, SIZE.small),
      ],
      {
        indent: { left: 280, right: 280 },
        tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH - 560 }],
        border: { ...(c.cc.length === 0 ? { top: line(8) } : {}), bottom: line(8) },
      },
    ),
  );
  return out;
}

/** "— 1 —", 4号 宋体, one character in from the outer edge: right on odd pages, left on even. */
function pageNumberFooter(side: 'odd' | 'even'): Footer {
  const number = (text: string | (typeof PageNumber)[keyof typeof PageNumber]) =>
    new TextRun({ children: [text], font: fontOf(FONT.pageNumber), size: SIZE.small });
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: PAGE_NUMBER_INDENT } : { left: PAGE_NUMBER_INDENT },
        spacing: { line: 280, lineRule: LineRuleType.AT_LEAST, before: 0, after: 0 },
        children: [number('— '), number(PageNumber.CURRENT), number(' —')],
      }),
    ],
  });
}

export function documentOf(spec: DocumentSpec): Document {
  const children = [
    ...(spec.letterhead ? letterheadOf(spec.letterhead) : []),
    ...spec.blocks.flatMap(blockOf),
    ...(spec.colophon ? colophonOf(spec.colophon) : []),
  ];
  return new Document({
    title: spec.title,
    creator: 'guazhi',
    evenAndOddHeaderAndFooters: true,
    externalStyles: stylesXml(),
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { ...MARGIN, header: mm(15), footer: FOOTER_DISTANCE, gutter: 0 },
          },
          grid: { type: DocumentGridType.LINES_AND_CHARS, linePitch: LINE_PITCH, charSpace: CHAR_SPACE },
        },
        footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
        children,
      },
    ],
  });
}

/** The .docx file of a form. */
export function renderDocx(spec: DocumentSpec): Promise<Buffer> {
  return Packer.toBuffer(documentOf(spec));
}
