/** The French label of a stored value, or the value itself when the table does not know it. */
export const label = (table: Record<string, string>, key: string) => table[key] ?? key;
