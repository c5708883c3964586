-- Full-text search over the catalogue, insensitive to accents and case ("securite" finds
-- "cybersécurité"): trigram tokens match inside words. One row per contract, rowid = contracts.id,
-- rewritten by src/lib/server/catalogue/search-index.ts whenever a contract, lot or price changes.
CREATE VIRTUAL TABLE `contract_search` USING fts5(
	`title`, `summary`, `description`, `theme`, `suppliers`, `prices`,
	tokenize = 'trigram remove_diacritics 1'
);
