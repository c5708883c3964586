/** `npm start`: build when needed, then run the compiled server (migrations and seeding happen there). */
import { pathToFileURL } from 'node:url';
import { ensureBuild, ROOT, serverEntry } from './build.js';

await ensureBuild(ROOT);
const { main } = await import(pathToFileURL(serverEntry(ROOT)).href);
await main(ROOT);
