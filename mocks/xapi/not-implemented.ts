export const NOT_IMPLEMENTED = new Set<string>([]);
