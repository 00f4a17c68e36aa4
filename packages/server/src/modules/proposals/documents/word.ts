import {
  AlignmentType,
  BorderStyle,
  HeadingLevel,
  Paragraph,
  Table,
  TableOfContents,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { ProposalSheet } from './load';
import {
  body,
  bodySize,
  centredTitle,
  chineseDate,
  gap,
  heiti,
  line,
  pack,
  page,
  pageFooter,
  red,
  textParagraphs,
  tableCell as cell,
  titleFont,
} from '../../../lib/word';

export { chineseDate, docxMime } from '../../../lib/word';

/** The 提案 sheet table: 提案号、案由、提案人、界别、联系方式、承办单位. */
function sheetTable(p: ProposalSheet) {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({
        children: [
          cell('提案号', 15, { label: true }),
          cell(p.numberLabel, 35),
          cell('类别', 15, { label: true }),
          cell(p.category, 35),
        ],
      }),
      new TableRow({ children: [cell('案由', 15, { label: true }), cell(p.title, 85, { span: 3 })] }),
      new TableRow({ children: [cell('提案人', 15, { label: true }), cell(p.proposers, 85, { span: 3 })] }),
      new TableRow({
        children: [
          cell('界别', 15, { label: true }),
          cell(p.sectorName || '—', 35),
          cell('提案类型', 15, { label: true }),
          cell(p.kindLabel || '—', 35),
        ],
      }),
      new TableRow({
        children: [cell('联系方式', 15, { label: true }), cell(p.contact || '—', 85, { span: 3 })],
      }),
      new TableRow({ children: [cell('承办单位', 15, { label: true }), cell(p.units, 85, { span: 3 })] }),
    ],
  });
}

/** One proposal in the official layout: red header, the sheet table, then the content. */
export function proposalDocx(
  committeeOfficialName: string,
  sessionName: string,
  p: ProposalSheet,
): Promise<Buffer> {
  return pack(
    [
      {
        properties: { page },
        footers: { default: pageFooter() },
        children: [
          centredTitle(committeeOfficialName, 40, { color: red, after: 120 }),
          centredTitle('提　案', 72, { color: red, after: 120 }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            border: { bottom: { style: BorderStyle.SINGLE, size: 18, color: red, space: 4 } },
            spacing: { after: 240 },
            children: [new TextRun({ text: sessionName, font: body, size: 28 })],
          }),
          sheetTable(p),
          new Paragraph({ spacing: { before: 360 }, children: [] }),
          centredTitle(p.title, 36),
          ...textParagraphs(p.content),
        ],
      },
    ],
    `${p.numberLabel}提案`,
  );
}

export interface AnswerLetter {
  unitName: string;
  title: string;
  category: string;
  categoryLabel: string;
  salutation: string;
  text: string;
  contactPerson: string;
  contactPhone: string;
  date: Date;
  copyTo: string;
  /** The co-units (协办单位), named in the lead unit's letter; null otherwise. */
  coUnits: string | null;
}

/** 答复函: unit letterhead, category mark, title, salutation, text, contact, signature and date. One section per unit. */
export function answerLetterDocx(letters: AnswerLetter[]): Promise<Buffer> {
  return pack(
    letters.map((l) => ({
      properties: { page },
      footers: { default: pageFooter() },
      children: [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          border: { bottom: { style: BorderStyle.SINGLE, size: 24, color: red, space: 6 } },
          spacing: { after: 360 },
          children: [new TextRun({ text: l.unitName, font: titleFont, size: 56, color: red })],
        }),
        new Paragraph({
          children: [new TextRun({ text: `${l.category}类`, font: heiti, size: bodySize, bold: true })],
        }),
        centredTitle(l.title, 40, { before: 240, after: 360 }),
        line(`${l.salutation}：`),
        // From the body's last paragraph to 抄送 the letter is one block: when the page is full, the
        // block moves on together and the signature, date and 抄送 never stand on a page alone.
        ...textParagraphs(l.text, { keepEndWithNext: true }),
        new Paragraph({ spacing: { before: 240 }, keepNext: true, children: [] }),
        line(`答复类别：${l.category}类（${l.categoryLabel}）`, { keepNext: true }),
        ...(l.coUnits ? [line(`协办单位：${l.coUnits}`, { keepNext: true })] : []),
        line(`联系人：${l.contactPerson}${gap}${gap}联系电话：${l.contactPhone}`, { keepNext: true }),
        new Paragraph({ spacing: { before: 480 }, keepNext: true, children: [] }),
        line(l.unitName, { align: AlignmentType.RIGHT, keepNext: true }),
        line(chineseDate(l.date), { align: AlignmentType.RIGHT, keepNext: true }),
        new Paragraph({
          spacing: { before: 600 },
          border: { top: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 4 } },
          children: [new TextRun({ text: `抄送：${l.copyTo}`, font: body, size: 28 })],
        }),
      ],
    })),
    letters[0]?.title ?? '提案答复',
  );
}

/** 提案汇编: cover, table of contents, then every accepted proposal by number, each from a new page. */
export function compilationDocx(
  committeeOfficialName: string,
  sessionName: string,
  sheets: ProposalSheet[],
  compiledOn: Date,
): Promise<Buffer> {
  const cover: Paragraph[] = [
    new Paragraph({ spacing: { before: 2400 }, children: [] }),
    centredTitle(committeeOfficialName, 44, { color: red }),
    centredTitle(`${sessionName}`, 44),
    centredTitle('提 案 汇 编', 72, { before: 480, after: 2400 }),
    centredTitle(`${committeeOfficialName}提案委员会${gap}编`, 32),
    centredTitle(chineseDate(compiledOn), 32),
  ];
  const toc = [
    new Paragraph({
      pageBreakBefore: true,
      alignment: AlignmentType.CENTER,
      spacing: { after: 360 },
      children: [new TextRun({ text: '目　录', font: heiti, size: 40 })],
    }),
    new TableOfContents('目录', { hyperlink: true, headingStyleRange: '1-1' }),
  ];
  const entries = sheets.flatMap((p) => [
    new Paragraph({
      heading: HeadingLevel.HEADING_1,
      pageBreakBefore: true,
      children: [new TextRun({ text: `${p.numberLabel}${gap}${p.title}`, font: heiti, size: 32 })],
    }),
    line(`提案人：${p.proposers}`),
    ...(p.sectorName ? [line(`界${gap}别：${p.sectorName}`)] : []),
    line(`类${gap}别：${p.category}`),
    line(`承办单位：${p.units}`),
    ...(p.mergedFrom.length ? [line(`并案提案：${p.mergedFrom.join('；')}`)] : []),
    new Paragraph({ spacing: { after: 120 }, children: [] }),
    ...textParagraphs(p.content),
  ]);
  return pack(
    [
      { properties: { page }, children: cover },
      { properties: { page }, footers: { default: pageFooter() }, children: [...toc, ...entries] },
    ],
    `${sessionName}提案汇编`,
    true,
  );
}
