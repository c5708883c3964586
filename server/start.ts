/** `npm start`: build when needed, then run the server (migrations and seeding happen there). */
import { ensureBuild } from './build-check';
import { main } from './index';

const root = process.cwd();
ensureBuild(root);
main(root).catch((err) => {
	console.error('Centrale n’a pas pu démarrer :', err);
	process.exit(1);
});
