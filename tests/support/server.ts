/**
 * Starts the real Centrale server process (tsx server/index.ts against build/) on a free port
 * with its own temporary DATA_DIR, for integration and e2e tests.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { PID_DIR_ENV } from './server-reaper';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
/** where `vite build` wrote the app (BUILD_DIR lets parallel checkouts build side by side) */
export const BUILD_DIR = path.resolve(ROOT, process.env.BUILD_DIR || 'build');

export interface TestServer {
	url: string;
	port: number;
	dataDir: string;
	process: ChildProcess;
	/** everything the process printed so far */
	output: () => string;
	stop: (signal?: NodeJS.Signals) => Promise<number | null>;
	/** stop, then start again on the same port and data folder */
	restart: (signal?: NodeJS.Signals) => Promise<TestServer>;
}

export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const srv = net.createServer();
		srv.unref();
		srv.on('error', reject);
		srv.listen(0, '127.0.0.1', () => {
			const { port } = srv.address() as net.AddressInfo;
			srv.close(() => resolve(port));
		});
	});
}

export function tempDataDir(prefix = 'centrale-test-'): string {
	return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export interface StartOptions {
	dataDir?: string;
	port?: number;
	env?: Record<string, string>;
	demo?: boolean;
	/**
	 * The public origin (ORIGIN): by default the test server's own http://127.0.0.1:<port>, as a
	 * production run names its public address; `false` starts without one.
	 */
	origin?: string | false;
	/** flags for the node process itself (`--cpu-prof`, which NODE_OPTIONS does not take) */
	nodeArgs?: string[];
}

/** The port was taken between freePort() and the server's listen (parallel test files). */
class PortTaken extends Error {}

export async function startServer(options: StartOptions = {}): Promise<TestServer> {
	if (!fs.existsSync(path.join(BUILD_DIR, 'handler.js'))) {
		throw new Error('build/ is missing: run `vite build` before the integration tests');
	}
	const dataDir = options.dataDir ?? tempDataDir();
	if (options.port) return launch(options, dataDir, options.port);
	for (let attempt = 1; ; attempt++) {
		try {
			return await launch(options, dataDir, await freePort());
		} catch (err) {
			if (!(err instanceof PortTaken) || attempt === 3) throw err;
		}
	}
}

/**
 * Every server child still running: a test or a script that loses track of one (say, by
 * reassigning the variable holding it) must not leave a server behind once it is gone. Scripts
 * kill theirs when they exit; under Vitest, whose test processes may end without exit handlers,
 * server-reaper.ts kills those noted in its folder when the run ends.
 */
const running = new Set<ChildProcess>();
process.once('exit', () => {
	for (const child of running) child.kill('SIGKILL');
});

function track(child: ChildProcess) {
	running.add(child);
	const noted = process.env[PID_DIR_ENV] && path.join(process.env[PID_DIR_ENV], String(child.pid));
	if (noted) fs.writeFileSync(noted, '');
	child.once('exit', () => {
		running.delete(child);
		if (noted) fs.rmSync(noted, { force: true });
	});
}

async function launch(options: StartOptions, dataDir: string, port: number): Promise<TestServer> {
	// the compiled entry when `npm run build` made it (what production runs), else the sources
	const compiled = path.join(BUILD_DIR, 'centrale-server.js');
	const entry = fs.existsSync(compiled) ? [compiled] : ['--import', 'tsx', 'server/index.ts'];
	const url = `http://127.0.0.1:${port}`;
	const env: NodeJS.ProcessEnv = {
		...process.env,
		NODE_ENV: 'production',
		PORT: String(port),
		HOST: '127.0.0.1',
		ORIGIN: options.origin === undefined ? url : options.origin || undefined,
		DATA_DIR: dataDir,
		DEMO: options.demo === false ? '0' : '1',
		LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn',
		...options.env
	};
	// set at all, even empty, ORIGIN must be a URL (adapter-node refuses to start otherwise)
	if (env.ORIGIN === undefined) delete env.ORIGIN;
	const child = spawn(process.execPath, [...(options.nodeArgs ?? []), ...entry], {
		cwd: ROOT,
		env,
		stdio: ['ignore', 'pipe', 'pipe']
	});
	track(child);
	let output = '';
	child.stdout!.on('data', (d) => (output += d));
	child.stderr!.on('data', (d) => (output += d));
	const exited = new Promise<number | null>((resolve) =>
		child.once('exit', (code) => resolve(code))
	);

	// Ready once this child says it listens: another file's server may answer on a port this one
	// failed to take (a restart reuses its port), and talking to it would be talking to the wrong
	// data folder. Then /healthz must answer.
	const deadline = Date.now() + 30_000;
	for (;;) {
		if (child.exitCode !== null) {
			if (output.includes('EADDRINUSE')) throw new PortTaken(`port ${port} was taken`);
			throw new Error(`server exited early:\n${output}`);
		}
		try {
			if (output.includes(`Centrale est prête : ${url}`)) {
				const res = await fetch(`${url}/healthz`);
				if (res.ok) break;
			}
		} catch {
			/* not listening yet */
		}
		if (Date.now() > deadline) {
			child.kill('SIGKILL');
			throw new Error(`server did not become healthy:\n${output}`);
		}
		await new Promise((r) => setTimeout(r, 50));
	}

	const server: TestServer = {
		url,
		port,
		dataDir,
		process: child,
		output: () => output,
		stop: async (signal = 'SIGTERM') => {
			if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
			child.kill(signal);
			return exited;
		},
		restart: async (signal = 'SIGTERM') => {
			await server.stop(signal);
			return startServer({ ...options, dataDir, port });
		}
	};
	return server;
}
