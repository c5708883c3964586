/** p50/p99 of the handler times in a server's pino request lines (the server-side figures). */
export function handlerTimes(log: string): { p50: number; p99: number } {
	const times = log
		.split('\n')
		.filter((line) => line.includes('"msg":"request"'))
		.map((line) => (JSON.parse(line) as { ms: number }).ms)
		.sort((a, b) => a - b);
	const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? NaN;
	return { p50: at(0.5), p99: at(0.99) };
}
