import { beforeAll, describe, expect, it } from 'vitest';
import type { DocumentSettings } from '../../common/documents/documents.schema.js';
import type { LeaveDetail } from '../../common/leave/leave.schema.js';
import {
  columnText,
  docxText,
  type PdfLine,
  type PdfPage,
  PT_PER_MM,
  readingOrder,
  renderPages,
  unzipText,
} from '../../test/documents/render.js';
import { type DocumentSpec, renderDocx } from './documents.engine.js';
import {
  appraisalForm,
  assessmentRegistration,
  assessmentResults,
  leaveForm,
  monthlyReport,
  NOTICE_WIDTHS_MM,
  type NoticePerson,
  postingNotice,
} from './documents.forms.js';
import { CHAR_SPACE, LINE_PITCH, MARGIN, MARGIN_MM, PAGE } from './documents.layout.js';

/**
 * Proof by rendering (issue 14 line 2, ADR 036): every form is opened as XML (page, margins,
 * grid, faces and sizes per element, footers) and then rendered to PDF by LibreOffice with the
 * official faces mapped to free fonts; the checks read the rendered pages.
 */

const SETTINGS: DocumentSettings = {
  regionCode: '522600',
  regionName: '黔东南苗族侗族自治州',
  organMark: '中共黔东南州委组织部文件',
  organName: '中共黔东南州委组织部',
  organCode: '黔东南组',
  numberPattern: '{机关代字}〔{年}〕{序号}号',
  nextSeq: 18,
  signer: null,
  cc: ['州委办公室', '州人民政府办公室', '苏州市委组织部'],
  version: 1,
  updatedAt: null,
};
const SURNAMES = '陈杨林赵钱孙李周吴郑王冯褚卫蒋沈韩朱秦尤许何吕施张';
const people: NoticePerson[] = Array.from({ length: 24 }, (_, k) => ({
  cadreName: `${SURNAMES[k]}测试${'一二三四五六七八九十'[k % 10]}`,
  gender: k % 3 === 0 ? 'female' : 'male',
  birthDate: `198${k % 10}-0${(k % 9) + 1}-15`,
  position: k % 4 === 0 ? '办公室副主任（主持工作）' : '科长',
  sendingUnitName: k % 2 ? '苏州市吴中区发展和改革委员会' : '苏州工业园区经济发展委员会',
  postTitle: k % 2 ? '副县长（挂职）' : '镇长助理（挂职，招商引资）',
  receivingUnitName: k < 12 ? '台江县人民政府' : '清溪镇人民政府',
}));
const noticeSpec = postingNotice({
  settings: SETTINGS,
  programmeName: '2027年苏黔东西部协作干部挂职',
  plannedStart: '2027-03-01',
  plannedEnd: '2028-02-29',
  regionName: null,
  people,
  today: '2027-02-10',
});
const leave: LeaveDetail = {
  id: 'l1',
  postingId: 'p1',
  postingTitle: '副镇长（挂职）',
  cadreName: '陈测试',
  receivingUnitName: '清溪镇人民政府',
  kind: 'family_visit',
  startDate: '2027-04-06',
  startHalf: 'am',
  endDate: '2027-04-09',
  endHalf: 'pm',
  days: 4,
  reason: '回苏州探望住院的父亲，期间工作由镇长助理杨测试代管。',
  status: 'returned',
  currentStep: null,
  returnedOn: '2027-04-10',
  overdue: false,
  version: 5,
  createdAt: '2027-04-01T01:00:00.000Z',
  steps: [
    {
      seq: 1,
      approver: 'receiving_unit',
      decision: 'approved',
      comment: '请安排好工作交接',
      decidedBy: '清溪镇周测试',
      decidedAt: '2027-04-01T03:00:00.000Z',
      substitute: null,
    },
    {
      seq: 2,
      approver: 'programme_org',
      decision: 'approved',
      comment: null,
      decidedBy: '州委组织部吴测试',
      decidedAt: '2027-04-02T17:00:00.000Z',
      substitute: null,
    },
  ],
  history: [],
  actions: [],
};
const leaveSpec = leaveForm(leave, '2027-04-12', (iso) =>
  new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 10),
);

const monthlySpec = monthlyReport(
  {
    id: 'r',
    postingId: 'p',
    month: '2026-11',
    cadreName: '陈测试',
    postingTitle: '副镇长',
    receivingUnitName: '清溪镇人民政府',
    sendingUnitName: '苏州市测试局',
    status: 'signed',
    reviewComment: null,
    version: 4,
    updatedAt: '2026-12-02T02:00:00.000Z',
    summary: '本月完成产业调研两次。',
    plan: '下月推进茶园项目签约。',
    facts: {
      postTitle: '副镇长',
      receivingUnitName: '清溪镇人民政府',
      sendingUnitName: '苏州市测试局',
      duties: '协管招商引资',
      attendance: { workingDays: 20, present: 18, leave: 2, absent: 0, missing: 0 },
      work: [{ category: 'research', entries: [{ date: '2026-11-03', title: '走访茶农' }] }],
      achievements: [
        {
          date: '2026-11-05',
          kind: 'funds_arrived',
          title: '东西部协作资金',
          status: 'verified',
          amount: '150万元',
        },
      ],
      totals: [
        {
          kind: 'funds_arrived',
          dimension: 'money',
          verified: '150000000',
          verifiedDisplay: '150万元',
          verifiedCount: 1,
          claimed: '0',
          claimedDisplay: null,
          claimedCount: 0,
        },
      ],
    },
    versions: [
      { seq: 4, status: 'signed', summary: null, plan: null, by: '周测试', at: '2026-12-02T02:00:00.000Z' },
    ],
    actions: [],
  },
  (iso) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 10),
);

const assessedRound = {
  title: '2026年度考核',
  kind: 'annual',
  periodFrom: '2026-01-01',
  periodTo: '2026-12-31',
  minBallots: 5,
  published: { on: '2027-01-15', by: '王审定' },
};
const assessed = (name: string, grade: string) => ({
  cadreName: name,
  cadrePosition: '副处长',
  sendingUnitName: '苏州市测试局',
  receivingUnitName: '清溪镇人民政府',
  postingTitle: '副镇长',
  // long enough to continue over a second row of the form
  selfReport: `一年来，本人围绕东西部协作重点任务开展工作。${'深入村组走访调研，推动产业项目落地见效。'.repeat(12)}`,
  receivingOpinion: '该同志工作扎实，作风务实。',
  receivingGrade: grade,
  sendingOpinion: '同意接收单位意见。',
  sendingGrade: grade,
  democratic: { excellent: 4, competent: 2, basically_competent: 0, incompetent: 0 },
  ballots: 6,
  proposal: { score: 92.5 },
  finalGrade: grade,
  finalReason: null,
});
/** 40 three-character names: 测一甲 … 测十丁. */
const resultName = (k: number) => `测${'一二三四五六七八九十'[k % 10]}${'甲乙丙丁'[Math.floor(k / 10)]}`;
const registrationSpec = assessmentRegistration(assessedRound, assessed('陈测试', 'excellent'), '2027-01-20');
const resultsSpec = assessmentResults(
  assessedRound,
  Array.from({ length: 40 }, (_, k) => assessed(resultName(k), k < 8 ? 'excellent' : 'competent')),
  '2027-01-20',
);

const appraisalSpec = appraisalForm(
  {
    cadreName: '陈测试',
    cadrePosition: '副处长',
    sendingUnitName: '苏州市测试局',
    receivingUnitName: '清溪镇人民政府',
    postingTitle: '副镇长',
    startDate: '2025-02-03',
    endDate: '2027-01-31',
    duties: '协管招商引资、东西部协作',
    // long enough to continue over further rows of the form
    summary: `两年来，本人坚持把东西部协作作为第一要务。${'走村入户开展调研，协调引进帮扶资金和产业项目。'.repeat(30)}`,
    text: '该同志政治坚定，作风扎实，廉洁自律，鉴定为优秀。',
    submittedOn: '2027-01-10',
    countersigned: { on: '2027-01-15', by: '王会签', comment: '同意。' },
  },
  '2027-01-20',
);

const attr = (xml: string, tag: string, name: string) =>
  new RegExp(`<${tag}\\b[^>]*\\bw:${name}="([^"]*)"`).exec(xml)?.[1];

/** The run properties of the first run whose text contains `text`. */
function runOf(xml: string, text: string): string {
  const at = xml.indexOf(`>${text}`);
  expect(at, text).toBeGreaterThan(0);
  const start = xml.lastIndexOf('<w:r>', at);
  return xml.slice(start, at);
}

describe('the XML of every form', () => {
  const forms: [string, DocumentSpec][] = [
    ['posting notice', noticeSpec],
    ['leave form', leaveSpec],
    ['monthly report', monthlySpec],
    ['assessment registration form', registrationSpec],
    ['assessment results list', resultsSpec],
    ['appraisal form', appraisalSpec],
  ];
  for (const [name, spec] of forms)
    it(`${name}: A4, the margins, the 22 × 28 grid, even and odd page numbers`, async () => {
      const parts = unzipText(await renderDocx(spec));
      const doc = parts.get('word/document.xml') as string;
      const sect = doc.slice(doc.lastIndexOf('<w:sectPr'));
      expect([attr(sect, 'w:pgSz', 'w'), attr(sect, 'w:pgSz', 'h')]).toEqual(['11906', '16838']);
      expect(['top', 'bottom', 'left', 'right'].map((k) => attr(sect, 'w:pgMar', k))).toEqual([
        '2098',
        '1984',
        '1587',
        '1474',
      ]);
      expect([
        attr(sect, 'w:docGrid', 'type'),
        attr(sect, 'w:docGrid', 'linePitch'),
        attr(sect, 'w:docGrid', 'charSpace'),
      ]).toEqual(['linesAndChars', '579', '-841']);
      expect(parts.get('word/settings.xml')).toContain('<w:evenAndOddHeaders/>');
      // the footers: default (odd) right-aligned one character in, even left-aligned; a PAGE field; 4号 宋体
      const refs = [...sect.matchAll(/<w:footerReference w:type="(\w+)" r:id="(\w+)"\/>/g)].map((m) => m[1]);
      expect(refs.sort()).toEqual(['default', 'even']);
      const rels = parts.get('word/_rels/document.xml.rels') as string;
      const footerOf = (type: string) => {
        const id = new RegExp(`<w:footerReference w:type="${type}" r:id="(\\w+)"`).exec(sect)?.[1];
        const target =
          new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ??
          new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)?.[1];
        return parts.get(`word/${target}`) as string;
      };
      const odd = footerOf('default');
      const even = footerOf('even');
      expect(attr(odd, 'w:jc', 'val')).toBe('right');
      expect(attr(odd, 'w:ind', 'right')).toBe('280');
      expect(attr(even, 'w:jc', 'val')).toBe('left');
      expect(attr(even, 'w:ind', 'left')).toBe('280');
      for (const f of [odd, even]) {
        expect(f).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>/);
        expect(f).toContain('>— </w:t>');
        expect(f).toContain('> —</w:t>');
        expect(attr(f, 'w:rFonts', 'eastAsia')).toBe('宋体');
        expect(attr(f, 'w:sz', 'val')).toBe('28');
      }
      // docDefaults: 3号 仿宋_GB2312, Latin text in Times New Roman, one grid line a line
      const styles = parts.get('word/styles.xml') as string;
      expect(styles).toContain(
        '<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman" w:eastAsia="仿宋_GB2312"/><w:sz w:val="32"/>',
      );
      expect(styles).toContain(`w:line="${LINE_PITCH}" w:lineRule="exact"`);
    });

  it('posting notice: each element in its face and size, the red 版头, the repeated table header', async () => {
    const doc = unzipText(await renderDocx(noticeSpec)).get('word/document.xml') as string;
    const face = (text: string) => [
      attr(runOf(doc, text), 'w:rFonts', 'eastAsia'),
      attr(runOf(doc, text), 'w:sz', 'val'),
    ];
    expect(face('中共黔东南州委组织部文件')).toEqual(['方正小标宋简体', '72']);
    expect(attr(runOf(doc, '中共黔东南州委组织部文件'), 'w:color', 'val')).toBe('FF0000');
    expect(face('黔东南组〔2027〕18号')).toEqual(['仿宋_GB2312', '32']);
    expect(face('关于陈测试一等24名同志挂职任职的通知')).toEqual(['方正小标宋简体', '44']);
    expect(face('一、挂职人员及任职')).toEqual(['黑体', '32']);
    expect(face('（一）接收单位')).toEqual(['楷体_GB2312', '32']);
    expect(face('各接收单位要')).toEqual(['仿宋_GB2312', '32']);
    expect(attr(runOf(doc, '各接收单位要'), 'w:rFonts', 'ascii')).toBe('Times New Roman');
    expect(face('附件：挂职干部名单')).toEqual(['仿宋_GB2312', '32']);
    expect(face('抄送：州委办公室')).toEqual(['仿宋_GB2312', '28']);
    // the red separator under the 发文字号
    expect(doc).toMatch(/<w:bottom w:val="single" w:color="FF0000" w:sz="12" w:space="0"\/>/);
    // the name list: its header row repeats on each page
    const header = doc.slice(doc.indexOf('<w:tr>', doc.indexOf('<w:tbl>')), doc.indexOf('>序号'));
    expect(header).toContain('<w:tblHeader/>');
    expect(face('原单位及职务')).toEqual(['黑体', '24']);
  });
});

// ---- rendered ----------------------------------------------------------------------------------

const BOX = {
  left: MARGIN_MM.left * PT_PER_MM,
  right: (PAGE.widthMm - MARGIN_MM.right) * PT_PER_MM,
  top: MARGIN_MM.top * PT_PER_MM,
  bottom: (PAGE.heightMm - MARGIN_MM.bottom) * PT_PER_MM,
};
const MM1 = PT_PER_MM;
const isPageNumber = (l: PdfLine) => /^—\d+—$/.test(l.text);
const allText = (pages: PdfPage[]) => pages.flatMap((p) => readingOrder(p).map((l) => l.text)).join('');

function expectA4AndInsideTheBox(pages: PdfPage[], pdfinfo: string) {
  expect(pdfinfo).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
  for (const [k, p] of pages.entries()) {
    expect(Math.abs(p.width - 595.28), `page ${k + 1} width`).toBeLessThan(0.5);
    expect(Math.abs(p.height - 841.89), `page ${k + 1} height`).toBeLessThan(0.5);
    for (const l of p.lines.filter((x) => !isPageNumber(x))) {
      expect(l.xMin, `${l.text} (page ${k + 1})`).toBeGreaterThanOrEqual(BOX.left - MM1);
      expect(l.xMax, `${l.text} (page ${k + 1})`).toBeLessThanOrEqual(BOX.right + MM1);
      expect(l.yMin, `${l.text} (page ${k + 1})`).toBeGreaterThanOrEqual(BOX.top - MM1);
      expect(l.yMax, `${l.text} (page ${k + 1})`).toBeLessThanOrEqual(BOX.bottom + MM1);
    }
  }
}

/** "— n —" on every page, under the 版心: right one character in on odd pages, left on even. */
function expectPageNumbers(pages: PdfPage[]) {
  const char = 14; // 4号
  for (const [k, p] of pages.entries()) {
    const n = p.lines.filter(isPageNumber);
    expect(
      n.map((l) => l.text),
      `page ${k + 1}`,
    ).toEqual([`—${k + 1}—`]);
    const l = n[0] as PdfLine;
    expect(l.yMin, `page ${k + 1} number under the 版心`).toBeGreaterThan(BOX.bottom);
    if ((k + 1) % 2 === 1)
      expect(Math.abs(BOX.right - char - l.xMax), `odd page ${k + 1}`).toBeLessThan(MM1 * 1.5);
    else expect(Math.abs(BOX.left + char - l.xMin), `even page ${k + 1}`).toBeLessThan(MM1 * 1.5);
  }
}

function expectInOrder(text: string, parts: string[]) {
  let at = 0;
  for (const part of parts) {
    const found = text.indexOf(part, at);
    expect(found, `"${part}" after position ${at}`).toBeGreaterThanOrEqual(0);
    at = found + part.length;
  }
}

describe('rendered by LibreOffice', () => {
  let notice: { pages: PdfPage[]; pdfinfo: string };
  let form: { pages: PdfPage[]; pdfinfo: string };
  let renderedMonthly: Buffer;
  let renderedRegistration: Buffer;
  let renderedResults: Buffer;
  let renderedAppraisal: Buffer;
  beforeAll(async () => {
    renderedAppraisal = await renderDocx(appraisalSpec);
    renderedRegistration = await renderDocx(registrationSpec);
    renderedResults = await renderDocx(resultsSpec);
    notice = renderPages(await renderDocx(noticeSpec));
    form = renderPages(await renderDocx(leaveSpec));
    renderedMonthly = await renderDocx(monthlySpec);
  }, 240_000);

  it('a full page of body text holds 22 lines of 28 characters', async () => {
    const text = '挂职干部管理平台按公文格式生成通知'.repeat(80);
    const { pages, pdfinfo } = renderPages(
      await renderDocx({ title: '版心', blocks: [{ kind: 'paragraph', text }] }),
    );
    expectA4AndInsideTheBox(pages, pdfinfo);
    const body = (pages[0] as PdfPage).lines.filter((l) => !isPageNumber(l));
    expect(body).toHaveLength(22);
    // the first line starts two characters in
    expect(body.map((l) => [...l.text].length)).toEqual([26, ...Array(21).fill(28)]);
    // the lines fill the 版心's height: 22 pitches of 579 twips, the first at its top
    expect(Math.abs((body[0] as PdfLine).yMin - BOX.top)).toBeLessThan(3 * MM1);
    const pitch = ((body[21] as PdfLine).yMin - (body[0] as PdfLine).yMin) / 21;
    expect(Math.abs(pitch - LINE_PITCH / 20)).toBeLessThan(0.2);
    expect(CHAR_SPACE).toBe(-841);
    expect(MARGIN.left).toBe(1587);
  }, 120_000);

  it('posting notice: A4, inside the 版心, page numbers alternating, the text in order, no cell cut off', () => {
    expect(notice.pages.length).toBeGreaterThanOrEqual(3);
    expectA4AndInsideTheBox(notice.pages, notice.pdfinfo);
    expectPageNumbers(notice.pages);
    const text = allText(notice.pages);
    expectInOrder(text, [
      '中共黔东南州委组织部文件',
      '黔东南组〔2027〕18号',
      '关于陈测试一等24名同志挂职任职的通知',
      '台江县人民政府，清溪镇人民政府，苏州工业园区经济发展委员会，苏州市吴中区发展和改革委员会：',
      '一、挂职人员及任职',
      '二、工作要求',
      '（一）接收单位',
      '（二）派出单位',
      '2027年3月1日前到岗报到',
      '三、其他事项',
      '附件：挂职干部名单',
      '中共黔东南州委组织部',
      '2027年2月10日',
      '附件',
      '挂职干部名单',
      '抄送：州委办公室，州人民政府办公室，苏州市委组织部。',
      '2027年2月10日印发',
    ]);
    // no cell cut off: each column, read top to bottom over the pages, holds every cell whole
    const listPages = notice.pages.slice(
      notice.pages.findIndex((p) => p.lines.some((l) => l.text === '挂职干部名单')),
    );
    const tableLeft =
      (BOX.left + BOX.right) / 2 - (NOTICE_WIDTHS_MM.reduce((a, w) => a + w, 0) * PT_PER_MM) / 2;
    const columns = NOTICE_WIDTHS_MM.map((w, k) => {
      const left = tableLeft + NOTICE_WIDTHS_MM.slice(0, k).reduce((a, x) => a + x, 0) * PT_PER_MM;
      return columnText(listPages, left, left + w * PT_PER_MM);
    });
    const cells = people.map((p, k) => [
      String(k + 1),
      p.cadreName,
      p.gender === 'female' ? '女' : '男',
      p.birthDate.slice(0, 7).replace('-', '.'),
      `${p.sendingUnitName}${p.position}`,
      `${p.receivingUnitName}${p.postTitle}`,
      '2027.03—2028.02',
    ]);
    for (const [c, column] of columns.entries())
      expectInOrder(
        column,
        cells.map((r) => r[c] as string),
      );
    // the header row on each page the list runs over
    const headed = listPages.filter((p) =>
      columnText([p], tableLeft, tableLeft + 200 * PT_PER_MM).includes('原单位及职务'),
    );
    expect(listPages.length).toBeGreaterThanOrEqual(2);
    expect(headed.length).toBe(
      listPages.filter((p) => columnText([p], tableLeft, BOX.right).includes('测试')).length,
    );
  });

  it('leave form: A4, inside the 版心, each step and the 销假 in order', () => {
    expectA4AndInsideTheBox(form.pages, form.pdfinfo);
    expectPageNumbers(form.pages);
    expectInOrder(allText(form.pages), [
      '挂职干部请（销）假审批表',
      '姓名',
      '陈测试',
      '挂职单位',
      '清溪镇人民政府',
      '请假类别',
      '探亲假',
      '2027年4月6日上午至2027年4月9日下午',
      '4个工作日',
      '回苏州探望住院的父亲',
      '接收单位意见',
      '同意。请安排好工作交接',
      '清溪镇周测试',
      '2027年4月1日',
      '项目组织部意见',
      '州委组织部吴测试',
      '2027年4月3日',
      '销假情况',
      '2027年4月10日返岗销假，接收单位已确认',
      '填表日期：2027年4月12日',
    ]);
  });

  it('monthly report: A4, inside the 版心, the sections in order', () => {
    const monthly = renderPages(renderedMonthly);
    expectA4AndInsideTheBox(monthly.pages, monthly.pdfinfo);
    expectInOrder(allText(monthly.pages), [
      '陈测试同志2026年11月挂职工作情况报告',
      '一、挂职岗位及分工',
      '协管招商引资',
      '二、出勤情况',
      '在岗18天',
      '三、主要工作',
      '走访茶农',
      '四、实事成效',
      '东西部协作资金',
      '已核实150万元',
      '五、工作小结',
      '本月完成产业调研两次。',
      '六、下月工作计划',
      '下月推进茶园项目签约。',
      '接收单位已于2026年12月2日签收。',
    ]);
  });

  it('assessment registration form: A4, inside the 版心, every label on one line, the parts in order', () => {
    const r = renderPages(renderedRegistration);
    expectA4AndInsideTheBox(r.pages, r.pdfinfo);
    const texts = r.pages.flatMap((p) => p.lines.map((l) => l.text.replace(/\s/g, '')));
    for (const label of [
      '本人述职（摘要）',
      '接收单位意见',
      '派出单位意见',
      '组织部门审核意见',
      '原单位及职务',
    ])
      expect(
        texts.some((line) => line.startsWith(label)),
        label,
      ).toBe(true);
    expectInOrder(allText(r.pages), [
      '挂职干部年度考核登记表',
      '考核轮次',
      '2026年度考核',
      '2026年1月1日至2026年12月31日',
      '陈测试',
      '苏州市测试局副处长',
      '清溪镇人民政府副镇长',
      '本人述职（摘要）',
      '深入村组走访调研',
      '接收单位意见',
      '建议等次：优秀',
      '派出单位意见',
      '参加测评6人：优秀4票，称职2票，基本称职0票，不称职0票',
      '92.5',
      '考核等次：优秀',
      '审定：王审定',
      '填表日期：2027年1月20日',
    ]);
  });

  it('assessment results list: 40 people over pages, every name and the last line present', () => {
    const r = renderPages(renderedResults);
    expectA4AndInsideTheBox(r.pages, r.pdfinfo);
    expect(r.pages.length).toBeGreaterThan(1);
    const text = allText(r.pages);
    expectInOrder(text, [
      '2026年度考核考核结果汇总表',
      '共40人',
      '序号姓名原单位及职务挂职单位及职务综合得分等次备注',
      `1${resultName(0)}`,
      `40${resultName(39)}`,
      '本轮考核结果已于2027年1月15日公布。',
    ]);
    // every name on its row, the header repeated on each page of the table
    for (let k = 0; k < 40; k++) expect(text).toContain(`${k + 1}${resultName(k)}`);
    expect(text.split('序号姓名原单位及职务挂职单位及职务综合得分等次备注').length - 1).toBe(r.pages.length);
  });

  it('appraisal form: A4, inside the 版心, the long summary continued, the countersignature last', () => {
    const r = renderPages(renderedAppraisal);
    expectA4AndInsideTheBox(r.pages, r.pdfinfo);
    expect(r.pages.length).toBeGreaterThan(1);
    expectInOrder(allText(r.pages), [
      '挂职干部鉴定表',
      '陈测试',
      '苏州市测试局副处长',
      '清溪镇人民政府副镇长',
      '2025年2月3日至2027年1月31日',
      '协管招商引资、东西部协作',
      '个人工作总结',
      '两年来，本人坚持把东西部协作作为第一要务。',
      '接收单位鉴定意见',
      '鉴定为优秀。',
      '2027年1月10日',
      '组织部门意见',
      '同意。',
      '2027年1月15日',
      '王会签',
      '填表日期：2027年1月20日',
    ]);
  });

  it('docx text reads back the same', async () => {
    expect(docxText(await renderDocx(leaveSpec))).toContain('2027年4月10日返岗销假，接收单位已确认');
  });
});
