/**
 * A rough check that catches typos (a missing @ or domain) before sending; the server's
 * check is the real one.
 */
export function looksLikeEmail(value: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim());
}
