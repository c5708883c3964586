/**
 * The benchmark's baseline: @y/websocket-server 0.1.1's reference connection handling in a plain
 * ws server, persistence off (YPERSISTENCE unset), no authentication. Not part of the product.
 */
import http from 'node:http';
import { setupWSConnection } from '@y/websocket-server/utils';
import { WebSocketServer } from 'ws';

const PREFIX = '/sync/yjs/';
const wss = new WebSocketServer({ noServer: true });
const server = http.createServer((_req, res) => res.end('ok'));
server.on('upgrade', (req, socket, head) => {
	wss.handleUpgrade(req, socket, head, (ws) => {
		const docName = decodeURIComponent((req.url ?? '').slice(PREFIX.length).split('?')[0]);
		setupWSConnection(ws, req, { docName });
	});
});
server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('ready'));
// exit through process.exit, so that `node --cpu-prof` writes its profile (bench:sync profile)
process.on('SIGTERM', () => process.exit(0));
