/**
 * Code-unit order: what `<` on strings does. Unlike localeCompare it does not depend on the
 * ICU data or locale of the machine, so every process sorts ids the same way.
 */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
