/** `npm run boards:reproject`: rebuilds the `needs` projection from the stored board documents. */
import { closeDb, getDb } from '../src/lib/server/db/client';
import { rebuildNeedsProjection } from '../src/lib/server/boards/projection';

getDb();
const count = rebuildNeedsProjection();
closeDb();
console.log(`Projection des besoins reconstruite pour ${count} tableau(x).`);
