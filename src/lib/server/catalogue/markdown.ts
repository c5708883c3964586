/** Contract descriptions are Markdown written by buyers: rendered, then sanitised to safe HTML. */
import { marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

export function renderMarkdown(source: string): string {
	const html = marked.parse(source, { async: false, gfm: true }) as string;
	return sanitizeHtml(html, {
		allowedTags: [
			'h3',
			'h4',
			'h5',
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
		allowedAttributes: { a: ['href', 'rel'] },
		allowedSchemes: ['https', 'mailto'],
		// the description sits under the page's « Description » h2: its headings start one level below
		transformTags: {
			h1: 'h3',
			h2: 'h3',
			h3: 'h4',
			h4: 'h5',
			a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer nofollow' })
		}
	});
}
