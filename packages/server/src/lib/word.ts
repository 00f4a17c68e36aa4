import {
  AlignmentType,
  Document,
  Footer,
  Packer,
  PageNumber,
  Paragraph,
  TableCell,
  TextRun,
  VerticalAlign,
  WidthType,
  type ISectionOptions,
} from 'docx';
import { estimatePageNumbersWith } from 'docx/layout';
import type { FastifyReply } from 'fastify';
import { defaultTimeZone, formatDay } from '@cppcc/shared';
import { contentDisposition } from './xlsx';

/**
 * The official document layout (GB/T 9704) every module's Word documents are set in: fonts, page,
 * body paragraphs, centred titles, the page-number footer, and packing sections into a file.
 */

export const docxMime = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

// GB/T 9704 official layout: A4, 仿宋 三号 body, 小标宋 二号 titles, 黑体 headings.
export const body = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '仿宋_GB2312' };
export const titleFont = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '方正小标宋简体' };
export const heiti = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '黑体' };
export const bodySize = 32;
const mm = (n: number) => Math.round(n * 56.7);
export const page = {
  size: { width: mm(210), height: mm(297) },
  margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) },
};
export const red = 'C00000';
/** Full-width space, as official documents separate labels and values. */
export const gap = '\u3000';

export const pageFooter = () =>
  new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: body, size: 28 })],
      }),
    ],
  });

/**
 * Body text: each line its own paragraph, first line indented two characters. With `keepEndWithNext`
 * the last paragraph stays on the page of what follows it (a letter's signature never starts a page
 * of its own).
 */
export function textParagraphs(text: string, options: { keepEndWithNext?: boolean } = {}): Paragraph[] {
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  return lines.map(
    (line, i) =>
      new Paragraph({
        indent: { firstLine: bodySize * 20 },
        spacing: { line: 560, lineRule: 'exact' },
        alignment: AlignmentType.JUSTIFIED,
        keepNext: options.keepEndWithNext === true && i === lines.length - 1,
        children: [new TextRun({ text: line, font: body, size: bodySize })],
      }),
  );
}

export const centredTitle = (
  text: string,
  size = 44,
  extra: { color?: string; before?: number; after?: number } = {},
) =>
  new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: extra.before ?? 0, after: extra.after ?? 240 },
    children: [new TextRun({ text, font: titleFont, size, color: extra.color })],
  });

export const line = (
  text: string,
  options: {
    align?: (typeof AlignmentType)[keyof typeof AlignmentType];
    bold?: boolean;
    /** On the page of the paragraph after it. */
    keepNext?: boolean;
  } = {},
) =>
  new Paragraph({
    alignment: options.align ?? AlignmentType.LEFT,
    spacing: { line: 560, lineRule: 'exact' },
    keepNext: options.keepNext,
    children: [new TextRun({ text, font: body, size: bodySize, bold: options.bold })],
  });

const documentStyles = {
  default: { document: { run: { font: body, size: bodySize } } },
  paragraphStyles: [
    {
      id: 'Heading1',
      name: 'Heading 1',
      basedOn: 'Normal',
      next: 'Normal',
      quickFormat: true,
      run: { font: heiti, size: 32 },
      paragraph: { spacing: { before: 240, after: 240 }, alignment: AlignmentType.CENTER },
    },
  ],
};

const tocPageNumbers = estimatePageNumbersWith({ guess: true });

export const pack = (sections: ISectionOptions[], title: string, withToc = false) =>
  Packer.toBuffer(
    new Document({
      creator: '政协履职平台',
      title,
      styles: documentStyles,
      // The table of contents is written with its page numbers, laid out here (CJK text is guessed at
      // one em a character, as every CJK font draws it), so Word and LibreOffice show them without a
      // field refresh.
      pageNumbers: withToc ? tocPageNumbers : undefined,
      sections,
    }),
  );

/** Chinese date as written on official letters, in the committee's time zone: 2024年5月20日. */
export const chineseDate = (d: Date, timeZone: string = defaultTimeZone) => {
  const [year, month, day] = formatDay(d, timeZone).split('-').map(Number);
  return `${year}年${month}月${day}日`;
};

/** A document as composed for download: its file name and bytes. */
export interface ComposedFile {
  fileName: string;
  content: Buffer;
}

/** Answers a composed Word document as a download that is never cached. */
export function sendDocx(reply: FastifyReply, { fileName, content }: ComposedFile) {
  return reply
    .header('content-type', docxMime)
    .header('content-disposition', contentDisposition(fileName))
    .header('cache-control', 'no-store')
    .send(content);
}

/** A table cell of an official form: 黑体 centred for a label, 仿宋 for a value. */
export const tableCell = (text: string, width: number, options: { label?: boolean; span?: number } = {}) =>
  new TableCell({
    width: { size: width, type: WidthType.PERCENTAGE },
    columnSpan: options.span,
    verticalAlign: VerticalAlign.CENTER,
    margins: { top: 80, bottom: 80, left: 100, right: 100 },
    children: [
      new Paragraph({
        alignment: options.label ? AlignmentType.CENTER : AlignmentType.LEFT,
        children: [new TextRun({ text, font: options.label ? heiti : body, size: 28 })],
      }),
    ],
  });
