/**
 * The Centrale process: an http.Server around the SvelteKit handler, the WebSocket upgrade
 * router for the sync hub, the background jobs, and a graceful SIGTERM.
 *
 * Configuration: PORT (3000), HOST (0.0.0.0), ORIGIN (required when NODE_ENV=production),
 * DATA_DIR (./data), SMTP_URL, DEMO (1); the README has the whole table.
 */
import { spawn } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { markServerRunning } from '../src/lib/server/backup/server-mark';
import { closeDb, getDb, type Db } from '../src/lib/server/db/client';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../src/lib/server/db/seed/demo';
import { seedReference } from '../src/lib/server/db/seed/reference';
import { demoSeeded, markSeededByServer } from '../src/lib/server/db/seed/state';
import { clockOffsetMs } from '../src/lib/server/clock';
import { config, originProblem, publicOrigin } from '../src/lib/server/config';
import { log } from '../src/lib/server/log';
import { UPLOAD_BODY_LIMIT } from '../src/lib/server/request-body';
import { boundRequestBody } from './body-limit';
import { reduceMemory } from './memory';
import { handleOneClick } from './one-click';
import { startJobs } from './jobs/index';
import { shutdownHooks } from './shutdown';
import { createUpgradeRouter } from './upgrade-router';

export { shutdownHooks };

type Handler = (req: http.IncomingMessage, res: http.ServerResponse, next?: () => void) => void;

const PROTO_HEADER = 'x-centrale-proto';
const SHUTDOWN_GRACE_MS = 4000;

export interface RunningServer {
	server: http.Server;
	url: string;
	close: () => Promise<void>;
}

/**
 * Without ORIGIN, adapter-node would assume https and refuse every form POST made over plain
 * http. This process knows it serves plain http, so it says so in a header it owns (overwriting
 * whatever a client sent) and lets the Host header give the rest: forms then work over
 * http://localhost, http://127.0.0.1 or a LAN name alike. Set ORIGIN behind a TLS proxy.
 */
function configureOrigin() {
	if (process.env.ORIGIN) return false;
	process.env.PROTOCOL_HEADER = PROTO_HEADER;
	process.env.HOST_HEADER = 'host';
	return true;
}

/** The origin this request was addressed to, as SvelteKit will see it (ORIGIN, else Host). */
function ownOrigin(req: http.IncomingMessage): string | null {
	if (process.env.ORIGIN) return process.env.ORIGIN.replace(/\/$/, '');
	const host = req.headers.host;
	return host ? `${req.headers[PROTO_HEADER] ?? 'https'}://${host}` : null;
}

export async function startServer(root = process.cwd()): Promise<RunningServer> {
	const problem = originProblem();
	if (problem) throw new Error(problem);
	const port = Number(process.env.PORT || 3000);
	const host = process.env.HOST || '0.0.0.0';
	const stampProto = configureOrigin();
	// adapter-node's limit is one for every route: the uploads' one, as an outer bound; each
	// route's own is applied before the handler (body-limit.ts)
	process.env.BODY_SIZE_LIMIT ??= String(UPLOAD_BODY_LIMIT);

	const db = getDb(); // opens and migrates
	const { demo } = config();
	if (await seed(db, demo)) printDemoAccounts();
	markSeededByServer();

	const buildDir = path.resolve(root, process.env.BUILD_DIR || 'build');
	const handlerUrl = pathToFileURL(path.join(buildDir, 'handler.js')).href;
	const { handler } = (await import(handlerUrl)) as { handler: Handler };

	const server = http.createServer((req, res) => {
		if (stampProto) req.headers[PROTO_HEADER] = 'http';
		if (handleOneClick(req, res, () => ownOrigin(req))) return;
		if (boundRequestBody(req, res)) handler(req, res);
	});
	const route = createUpgradeRouter();
	server.on('upgrade', (req, socket, head) => {
		if (!route(req, socket, head)) socket.destroy();
	});
	const stopJobs = startJobs();
	// a restore refuses to replace the database under a running server (backup/restore.ts)
	const unmark = markServerRunning(config().dataDir);
	await reduceMemory(); // what booting reserved

	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, host, () => resolve());
	});
	const address = server.address();
	const actualPort = typeof address === 'object' && address ? address.port : port;
	const url = `http://${host === '0.0.0.0' ? 'localhost' : host}:${actualPort}`;
	log().info({ url, dataDir: config().dataDir, demo }, 'Centrale listening');
	if (clockOffsetMs())
		log().warn(
			{ clockOffsetMs: clockOffsetMs() },
			'the clock is shifted by CLOCK_OFFSET_MS (tests only)'
		);

	let closing: Promise<void> | undefined;
	const close = () =>
		(closing ??= new Promise<void>((resolve) => {
			stopJobs();
			const done = () => {
				closeDb();
				unmark();
				resolve();
			};
			server.close(done);
			server.closeIdleConnections();
			// requests still running get the grace period, then are cut; upgraded sockets too
			setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS).unref();
			for (const hook of shutdownHooks()) hook();
		}));
	return { server, url, close };
}

/** What a child process started with this variable does instead of serving. */
const TASK_ENV = 'CENTRALE_TASK';

/**
 * Reference data here (a few upserts, every start); demo data, on a database without it yet, in
 * a child process. The demo seeders hash passwords, build Automerge reports and fill the
 * catalogue: done here, what they leave (Automerge's wasm module, heap the allocator keeps)
 * would stay in this process for its whole life — 44 MB of its 176 MB, measured after boot.
 * Returns true when the demo data was loaded now.
 */
async function seed(db: Db, demo: boolean): Promise<boolean> {
	if (!demo || demoSeeded(db)) {
		seedReference(db);
		return false;
	}
	await runChildTask('seed');
	return true;
}

/** Flags a child must not inherit: a second inspector or profile would be the parent's twin. */
const PARENT_ONLY = /^--(inspect|cpu-prof|heap-prof)/;

function runChildTask(task: string): Promise<void> {
	const env: NodeJS.ProcessEnv = { ...process.env, [TASK_ENV]: task };
	if (env.NODE_OPTIONS) {
		env.NODE_OPTIONS = env.NODE_OPTIONS.split(/\s+/)
			.filter((flag) => !PARENT_ONLY.test(flag))
			.join(' ');
	}
	const args = process.execArgv.filter((flag) => !PARENT_ONLY.test(flag));
	const child = spawn(process.execPath, [...args, fileURLToPath(import.meta.url)], {
		env,
		stdio: ['ignore', 'inherit', 'inherit']
	});
	return new Promise((resolve, reject) => {
		child.once('error', reject);
		child.once('exit', (code, signal) =>
			code === 0
				? resolve()
				: reject(new Error(`the ${task} step failed (${signal ?? `exit code ${code}`})`))
		);
	});
}

/** The child's side of runChildTask: seeds (reference and demo data) and exits. */
async function childTask(task: string) {
	if (task !== 'seed') throw new Error(`unknown task ${task}`);
	const { seedDatabase } = await import('../src/lib/server/db/seed/index');
	await seedDatabase(getDb(), { demo: true });
	closeDb();
}

function printDemoAccounts() {
	const lines = [
		'',
		'  Données de démonstration chargées. Comptes (mot de passe : ' + DEMO_PASSWORD + ') :',
		...DEMO_ACCOUNTS.map((a) => `    ${a.email.padEnd(28)} ${a.role}`),
		''
	];
	console.log(lines.join('\n'));
}

/**
 * Runs the server until SIGTERM or SIGINT, then closes within 5 s. A server that cannot start
 * says why in one plain line (and in the log) and exits with 1, for `npm start` and the
 * compiled entry alike.
 */
export async function main(root = process.cwd()) {
	const task = process.env[TASK_ENV];
	if (task) {
		await childTask(task).catch((err: unknown) => {
			log().fatal({ err, task }, 'Centrale could not prepare its database');
			process.exit(1);
		});
		process.exit(0);
	}
	const running = await startServer(root).catch((err: unknown) => {
		console.error(`Centrale could not start: ${err instanceof Error ? err.message : err}`);
		log().fatal({ err }, 'Centrale could not start');
		process.exit(1);
	});
	console.log(`Centrale est prête : ${running.url}`);
	if (!process.env.ORIGIN) {
		console.log(
			`Mode local (ORIGIN non défini) : les liens envoyés par courriel pointent vers ${publicOrigin()}.`
		);
	}
	const stop = (signal: string) => {
		log().info({ signal }, 'shutting down');
		const force = setTimeout(() => process.exit(1), 5000);
		force.unref();
		running.close().then(() => process.exit(0));
	};
	process.once('SIGTERM', () => stop('SIGTERM'));
	process.once('SIGINT', () => stop('SIGINT'));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) void main();
