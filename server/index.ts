/**
 * The Centrale process: an http.Server around the SvelteKit handler, the WebSocket upgrade
 * router for the sync hub, the background jobs, and a graceful SIGTERM.
 *
 * Configuration: PORT (3000), HOST (0.0.0.0), ORIGIN (required when NODE_ENV=production),
 * DATA_DIR (./data), SMTP_URL, DEMO (1); the README has the whole table.
 */
import http from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { markServerRunning } from '../src/lib/server/backup/server-mark';
import { closeDb, getDb } from '../src/lib/server/db/client';
import { seedDatabase } from '../src/lib/server/db/seed/index';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../src/lib/server/db/seed/demo';
import { clockOffsetMs } from '../src/lib/server/clock';
import { config, originProblem, publicOrigin } from '../src/lib/server/config';
import { log } from '../src/lib/server/log';
import { UPLOAD_BODY_LIMIT } from '../src/lib/server/request-body';
import { boundRequestBody } from './body-limit';
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
	const { demoSeeded } = await seedDatabase(db, { demo });
	if (demoSeeded) printDemoAccounts();

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
