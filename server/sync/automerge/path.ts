/** Where the automerge-repo endpoint listens: known without loading the endpoint (sync/index.ts). */
export const AUTOMERGE_PATH = '/sync/automerge';
