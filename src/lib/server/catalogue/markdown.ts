/** Contract descriptions are Markdown written by buyers: rendered, then sanitised to safe HTML. */
import { marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

export function renderMarkdown(source: string): string {
	const html = marked.parse(source, { async: false, gfm: true }) as string;
	return sanitizeHtml(html, {
		allowedTags: [
			'h2',
			'h3',
			'h4',
			'p',
			'ul',
			'ol',
			'li',
			'strong',
			'em',
			'a',
			'blockquote',
			'code',
			'br',
			'table',
			'thead',
			'tbody',
			'tr',
			'th',
			'td'
		],
		allowedAttributes: { a: ['href'] },
		allowedSchemes: ['https', 'mailto'],
		transformTags: { h1: 'h2' }
	});
}
