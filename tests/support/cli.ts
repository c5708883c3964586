/** Runs one of the operator commands (`npm run backup`, `npm run restore`) as its own process. */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { ROOT } from './server';

export interface CliRun {
	code: number | null;
	output: string;
}

/** `script` is a file of server/ (e.g. 'backup-cli.ts'), run by tsx as `npm run` does. */
export function runCli(
	script: string,
	args: string[],
	env: Record<string, string>
): Promise<CliRun> {
	const child = spawn(process.execPath, ['--import', 'tsx', path.join('server', script), ...args], {
		cwd: ROOT,
		env: { ...process.env, LOG_LEVEL: 'warn', ...env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	child.stdout.on('data', (d) => (output += d));
	child.stderr.on('data', (d) => (output += d));
	return new Promise((resolve) => child.once('exit', (code) => resolve({ code, output })));
}
