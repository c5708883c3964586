/** What the document routes share: the slug in the address, and the .docx answer. */
import { DOCUMENT_KINDS, type DocumentKind } from '../../domain/plan/documents';
import { DOCUMENT_SLUGS } from './documents';

export function documentKindOf(slug: string): DocumentKind | null {
	return DOCUMENT_KINDS.find((k) => DOCUMENT_SLUGS[k] === slug) ?? null;
}

export function docxResponse(buffer: Buffer, filename: string): Response {
	return new Response(new Uint8Array(buffer), {
		headers: {
			'content-type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
			'content-disposition': `attachment; filename="${filename.replace(/[^\w.-]/g, '_')}"`,
			'cache-control': 'private, no-store'
		}
	});
}
