/**
 * CSV for Excel in fr-BE: `;` separators (the comma is the decimal mark), a UTF-8 BOM so accents
 * survive, CRLF line ends, amounts as "1234,56" and formula-looking cells defused.
 */
export function toCsv(header: string[], rows: (string | number | null)[][]): string {
	const cell = (value: string | number | null) => {
		if (value === null) return '';
		let text = String(value);
		if (/^[=+\-@\t\r]/.test(text) && typeof value === 'string') text = `'${text}`;
		return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
	};
	return '\ufeff' + [header, ...rows].map((row) => row.map(cell).join(';')).join('\r\n') + '\r\n';
}

/** cents → "1234,56" (no thousands separator: Excel reads it as a number) */
export function csvAmount(cents: number): string {
	const sign = cents < 0 ? '-' : '';
	const abs = Math.abs(cents);
	return `${sign}${Math.floor(abs / 100)},${String(abs % 100).padStart(2, '0')}`;
}

export function csvResponse(body: string, filename: string): Response {
	return new Response(body, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${filename.replace(/[^\w.-]/g, '_')}"`,
			'cache-control': 'private, no-store'
		}
	});
}
