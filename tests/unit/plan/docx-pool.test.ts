import mammoth from 'mammoth';
import { afterAll, describe, expect, it } from 'vitest';
import { closeDocxPool, renderDocx, renderDocxHere } from '../../../src/lib/server/plan/docx';

const TEXT = [
	'Délibération du collège communal',
	'Vu le Code de la démocratie locale et de la décentralisation ;',
	'- Poste 1 : 3 jours à 780,00 € HTVA',
	'- Poste 2 : 1 abonnement',
	'DÉCIDE :',
	'Article 1er. D’adhérer au marché.'
].join('\n');

const read = async (buffer: Buffer) => (await mammoth.extractRawText({ buffer })).value;

afterAll(closeDocxPool);

describe('the .docx worker pool', () => {
	it('packs the same document as the main thread', async () => {
		const [pooled, here] = await Promise.all([
			renderDocx(TEXT, 'Délibération'),
			renderDocxHere(TEXT, 'Délibération')
		]);
		expect(await read(pooled)).toBe(await read(here));
		expect(await read(pooled)).toContain('Poste 1 : 3 jours à 780,00 € HTVA');
	});

	it('answers every job of a burst larger than the pool, each with its own text', async () => {
		const texts = Array.from({ length: 12 }, (_, i) => `${TEXT}\nArticle ${i + 2}. Fin ${i}.`);
		const docs = await Promise.all(texts.map((t) => renderDocx(t, 'Délibération')));
		const read12 = await Promise.all(docs.map(read));
		read12.forEach((text, i) => expect(text).toContain(`Fin ${i}.`));
	});

	it('starts a new pool after being closed', async () => {
		await closeDocxPool();
		expect(await read(await renderDocx(TEXT, 'T'))).toContain('DÉCIDE');
	});
});
