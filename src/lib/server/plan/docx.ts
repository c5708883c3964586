/**
 * A filled template as a .docx (Word and LibreOffice) with the `docx` library, and as printable
 * HTML: the same blocks (domain/plan/templates.ts) in both.
 */
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { toBlocks, type Block } from '../../domain/plan/templates';

function paragraph(block: Block): Paragraph {
	switch (block.kind) {
		case 'title':
			return new Paragraph({ text: block.text, heading: HeadingLevel.TITLE });
		case 'heading':
			return new Paragraph({ text: block.text, heading: HeadingLevel.HEADING_2 });
		case 'item':
			return new Paragraph({ children: [new TextRun(block.text)], bullet: { level: 0 } });
		case 'paragraph':
			return new Paragraph({ children: [new TextRun(block.text)], spacing: { after: 120 } });
	}
}

export async function renderDocx(text: string, title: string): Promise<Buffer> {
	const doc = new Document({
		creator: 'Centrale',
		title,
		styles: { default: { document: { run: { font: 'Calibri', size: 22 } } } },
		sections: [{ children: toBlocks(text).map(paragraph) }]
	});
	return Packer.toBuffer(doc);
}

const escape = (s: string) =>
	s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The printable view's body: blocks as HTML, items grouped in lists, everything escaped. */
/** `topLevel` is the title's heading level: 1 on its own page, lower inside another page. */
export function renderHtml(text: string, topLevel = 1): string {
	const out: string[] = [];
	let inList = false;
	for (const block of toBlocks(text)) {
		if (block.kind === 'item' && !inList) out.push('<ul>');
		if (block.kind !== 'item' && inList) out.push('</ul>');
		inList = block.kind === 'item';
		const tag = {
			title: `h${topLevel}`,
			heading: `h${topLevel + 1}`,
			item: 'li',
			paragraph: 'p'
		}[block.kind];
		out.push(`<${tag}>${escape(block.text)}</${tag}>`);
	}
	if (inList) out.push('</ul>');
	return out.join('\n');
}
