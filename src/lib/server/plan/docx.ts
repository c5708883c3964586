/**
 * A filled template as a .docx (Word and LibreOffice) with the `docx` library, and as printable
 * HTML: the same blocks (domain/plan/templates.ts) in both.
 *
 * Packing a .docx is ~10–40 ms of CPU (zip and XML): a burst of generations on the main thread
 * would hold every other request behind it. `renderDocx` therefore packs in a small fixed pool of
 * worker threads (PLAN_DOCX_WORKERS, 2 by default; 0 packs on the main thread) and the main
 * thread only splits the text into blocks and waits. Jobs queue when every worker is busy. The
 * workers run at a lower priority (nice 15, per thread on Linux) so that on a small machine a
 * burst of generations does not take the cores from the requests.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
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

/** The document's settings, shared by both ways of packing (the worker's copy below mirrors it). */
const FONT = { font: 'Calibri', size: 22 };

/** Packs on the calling thread: the pool's fallback, and the bench's yardstick. */
export async function renderDocxHere(text: string, title: string): Promise<Buffer> {
	const doc = new Document({
		creator: 'Centrale',
		title,
		styles: { default: { document: { run: FONT } } },
		sections: [{ children: toBlocks(text).map(paragraph) }]
	});
	return Packer.toBuffer(doc);
}

/** The worker: the same document from the blocks, with the `docx` package's CommonJS build. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { Document, HeadingLevel, Packer, Paragraph, TextRun } = require(workerData.docx);
// on Linux a thread has its own nice value: packing yields the cores to the requests' thread
try {
	require('node:os').setPriority(workerData.nice);
} catch {
	// not permitted here: the pool still keeps the packing off the requests' thread
}
function paragraph(block) {
	switch (block.kind) {
		case 'title':
			return new Paragraph({ text: block.text, heading: HeadingLevel.TITLE });
		case 'heading':
			return new Paragraph({ text: block.text, heading: HeadingLevel.HEADING_2 });
		case 'item':
			return new Paragraph({ children: [new TextRun(block.text)], bullet: { level: 0 } });
		default:
			return new Paragraph({ children: [new TextRun(block.text)], spacing: { after: 120 } });
	}
}
parentPort.on('message', async ({ id, title, blocks }) => {
	try {
		const doc = new Document({
			creator: 'Centrale',
			title,
			styles: { default: { document: { run: workerData.font } } },
			sections: [{ children: blocks.map(paragraph) }]
		});
		const buffer = await Packer.toBuffer(doc);
		const bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
		parentPort.postMessage({ id, ok: true, bytes }, [bytes.buffer]);
	} catch (err) {
		parentPort.postMessage({ id, ok: false, message: String((err && err.message) || err) });
	}
});
`;

interface Job {
	id: number;
	title: string;
	blocks: Block[];
	resolve: (b: Buffer) => void;
	reject: (e: Error) => void;
}

interface PoolWorker {
	worker: Worker;
	job: Job | null;
}

const poolSize = () => {
	const n = Number(process.env.PLAN_DOCX_WORKERS ?? 2);
	return Number.isInteger(n) && n >= 0 ? Math.min(n, 8) : 2;
};

let workers: PoolWorker[] | null = null;
const queue: Job[] = [];
let nextId = 1;

function spawn(): PoolWorker {
	const docx = createRequire(import.meta.url).resolve('docx');
	const worker = new Worker(WORKER_SOURCE, {
		eval: true,
		workerData: { docx, font: FONT, nice: 15 }
	});
	// an idle pool must not keep the process (a test, a CLI) alive
	worker.unref();
	const entry: PoolWorker = { worker, job: null };
	worker.on(
		'message',
		(
			m: { id: number; ok: true; bytes: Uint8Array } | { id: number; ok: false; message: string }
		) => {
			const job = entry.job;
			entry.job = null;
			if (job && job.id === m.id) {
				if (m.ok) job.resolve(Buffer.from(m.bytes.buffer, m.bytes.byteOffset, m.bytes.byteLength));
				else job.reject(new Error(m.message));
			}
			dispatch();
		}
	);
	// a worker that dies fails its job and is replaced; the queue carries on
	const replace = (err: Error) => {
		if (!workers) return;
		entry.job?.reject(err);
		entry.job = null;
		const i = workers.indexOf(entry);
		if (i >= 0) workers[i] = spawn();
		dispatch();
	};
	worker.on('error', replace);
	worker.on('exit', (code) => replace(new Error(`the .docx worker stopped (code ${code})`)));
	return entry;
}

function dispatch() {
	if (!workers) return;
	for (const entry of workers) {
		if (entry.job) continue;
		const job = queue.shift();
		if (!job) return;
		entry.job = job;
		// while it works, the worker keeps the process alive: the caller awaits its answer
		entry.worker.ref();
		entry.worker.postMessage({ id: job.id, title: job.title, blocks: job.blocks });
	}
	for (const entry of workers) if (!entry.job) entry.worker.unref();
}

/** The .docx of a filled template, packed off the main thread when the pool is on. */
export function renderDocx(text: string, title: string): Promise<Buffer> {
	const size = poolSize();
	if (size === 0) return renderDocxHere(text, title);
	workers ??= Array.from({ length: size }, spawn);
	return new Promise((resolve, reject) => {
		queue.push({ id: nextId++, title, blocks: toBlocks(text), resolve, reject });
		dispatch();
	});
}

/** Stops the pool's workers (tests, benches, shutdown); the next generation starts a new pool. */
export async function closeDocxPool(): Promise<void> {
	const current = workers;
	workers = null;
	for (const job of queue.splice(0)) job.reject(new Error('the .docx pool was closed'));
	if (current) await Promise.all(current.map((w) => w.worker.terminate()));
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
