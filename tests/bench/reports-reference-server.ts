/**
 * The baseline of bench:reports: a stock automerge-repo sync server, as automerge-repo's docs and
 * its automerge-repo-sync-server show one: a Repo on NodeWSServerAdapter over `ws`, announcing no
 * document of its own (`sharePolicy: false`: a peer gets the documents it asks for), in memory (no
 * storage adapter), no authentication. Not part of the product.
 */
import { Repo, type PeerId } from '@automerge/automerge-repo';
import { NodeWSServerAdapter } from '@automerge/automerge-repo-network-websocket';
import http from 'node:http';
import { WebSocketServer } from 'ws';

const wss = new WebSocketServer({ noServer: true });
// created before the first upgrade, so that the first document requested is not « unavailable »
// the adapter's types name isomorphic-ws's server class: the same `ws` class at run time
type AdapterServer = ConstructorParameters<typeof NodeWSServerAdapter>[0];
new Repo({
	network: [new NodeWSServerAdapter(wss as unknown as AdapterServer)],
	peerId: 'reference-sync-server' as PeerId,
	sharePolicy: async () => false
});
const server = http.createServer((_req, res) => res.end('ok'));
server.on('upgrade', (req, socket, head) => {
	wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
});
server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('ready'));
// exit through process.exit, so that `node --cpu-prof` can write its profile
process.on('SIGTERM', () => process.exit(0));
