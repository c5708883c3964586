import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/lib/server/catalogue/markdown';

describe('contract descriptions (Markdown, sanitised)', () => {
	it('drops scripts, event handlers and javascript: links', () => {
		const html = renderMarkdown(
			'Texte <script>alert(1)</script> <img src=x onerror=alert(1)> [lien](javascript:alert(1))'
		);
		expect(html).not.toMatch(/<script|onerror|javascript:|<img/i);
		expect(html).toContain('Texte');
	});
	it('starts headings below the page’s own « Description » heading', () => {
		const html = renderMarkdown('# Objet\n\n## Pour qui\n\n### Détail');
		expect(html).toContain('<h3>Objet</h3>');
		expect(html).toContain('<h3>Pour qui</h3>');
		expect(html).toContain('<h4>Détail</h4>');
		expect(html).not.toMatch(/<h[12]/);
	});
	it('keeps https links, marked as external', () => {
		const html = renderMarkdown('[IMIO](https://www.imio.be)');
		expect(html).toContain('href="https://www.imio.be"');
		expect(html).toContain('rel="noopener noreferrer nofollow"');
	});
});
