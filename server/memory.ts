/**
 * Gives back the memory a burst of work left reserved. V8 grows its young generation (up to
 * 32 MB) while many new objects survive, as they do while the server loads its modules, migrates
 * and seeds; it shrinks it again only in the memory-reducing collections an embedder runs when
 * idle, which Node never does. Once boot is over, the server asks for one, through the inspector
 * protocol in process (`HeapProfiler.collectGarbage` is that collection; no port is opened).
 *
 * bench:sync: the hub's peak RSS under load went from 129 to 112 MB. The collection takes
 * 10–30 ms, before the server listens.
 */
import { Session } from 'node:inspector';

export function reduceMemory(): Promise<void> {
	return new Promise((resolve) => {
		const session = new Session();
		session.connect();
		session.post('HeapProfiler.collectGarbage', () => {
			// not from inside the session's own callback: the disconnection would wait for itself
			setImmediate(() => {
				session.disconnect();
				resolve();
			});
		});
	});
}
