/**
 * A minimal valid one-page PDF with a few lines of text, written by hand (objects, xref table
 * with exact byte offsets, trailer) so demo documents open in any reader without a PDF library.
 */
export function minimalPdf(lines: string[]): Buffer {
	// Helvetica with WinAnsi covers French accents; escape what PDF strings reserve
	const escape = (s: string) => s.replace(/[\\()]/g, (c) => '\\' + c);
	const text = lines
		.map(
			(line, i) => `BT /F1 ${i === 0 ? 16 : 11} Tf 56 ${780 - i * 22} Td (${escape(line)}) Tj ET`
		)
		.join('\n');
	const content = Buffer.from(text, 'latin1');
	const objects = [
		'<< /Type /Catalog /Pages 2 0 R >>',
		'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
		'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
		'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
		`<< /Length ${content.length} >>\nstream\n${content.toString('latin1')}\nendstream`
	];
	let body = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
	const offsets: number[] = [];
	objects.forEach((object, i) => {
		offsets.push(Buffer.byteLength(body, 'latin1'));
		body += `${i + 1} 0 obj\n${object}\nendobj\n`;
	});
	const xrefAt = Buffer.byteLength(body, 'latin1');
	body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
	for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
	body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`;
	return Buffer.from(body, 'latin1');
}
