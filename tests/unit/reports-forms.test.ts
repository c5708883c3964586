import { describe, expect, it } from 'vitest';
import { parseForm } from '../../src/lib/server/forms';
import { publishSchema } from '../../src/lib/server/reports/publish-form';
import { MAX_REPLY_CHARS, replySchema } from '../../src/lib/server/reports/reply-form';

const form = (fields: Record<string, string>) => {
	const data = new FormData();
	for (const [key, value] of Object.entries(fields)) data.append(key, value);
	return data;
};

describe('publish form', () => {
	it('publishes to members by default, and names the commune only for a public report', () => {
		expect(parseForm(publishSchema, form({}))).toEqual({
			ok: true,
			data: { isPublic: false, publicNamed: false }
		});
		expect(parseForm(publishSchema, form({ visibility: 'members', named: '1' }))).toEqual({
			ok: true,
			data: { isPublic: false, publicNamed: false }
		});
		expect(parseForm(publishSchema, form({ visibility: 'public' }))).toEqual({
			ok: true,
			data: { isPublic: true, publicNamed: false }
		});
		expect(parseForm(publishSchema, form({ visibility: 'public', named: '1' }))).toEqual({
			ok: true,
			data: { isPublic: true, publicNamed: true }
		});
	});

	it('refuses an unknown choice in French', () => {
		const parsed = parseForm(publishSchema, form({ visibility: 'tous' }));
		expect(parsed.ok).toBe(false);
		if (!parsed.ok) expect(parsed.errors.visibility).toBe('Choisissez qui peut lire ce retour.');
	});
});

describe('reply form', () => {
	it('takes a trimmed text and an optional contract', () => {
		expect(parseForm(replySchema, form({ body: '  Corrigé.  ', contractId: '' }))).toEqual({
			ok: true,
			data: { body: 'Corrigé.', contractId: null }
		});
		expect(parseForm(replySchema, form({ body: 'Corrigé.', contractId: '12' }))).toEqual({
			ok: true,
			data: { body: 'Corrigé.', contractId: 12 }
		});
	});

	it('refuses an empty or oversized text and a bad contract, keeping what was typed', () => {
		const cases: [Record<string, string>, string, string][] = [
			[{ body: '   ' }, 'body', 'Écrivez la réponse de la centrale.'],
			[
				{ body: 'x'.repeat(MAX_REPLY_CHARS + 1) },
				'body',
				'La réponse ne peut pas dépasser 5000 caractères.'
			],
			[{ body: 'Corrigé.', contractId: 'abc' }, 'contractId', 'Choisissez un marché de la liste.']
		];
		for (const [fields, key, message] of cases) {
			const parsed = parseForm(replySchema, form(fields));
			expect(parsed.ok).toBe(false);
			if (!parsed.ok) {
				expect(parsed.errors[key]).toBe(message);
				expect(parsed.fields.body).toBe(fields.body.slice(0, 2000));
			}
		}
		expect(parseForm(replySchema, form({ body: 'x'.repeat(MAX_REPLY_CHARS) })).ok).toBe(true);
	});
});
