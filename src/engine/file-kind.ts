/**
 * Whether a file's content is a saved workbook (`casework-session/…`) rather than a rulebook, read
 * from its content wherever the `format` key is: first, last (keys sorted, as `jq -S` writes them)
 * or in a YAML file. Only a top-level YAML key counts, and in JSON only a real key (text inside a
 * string has its quotes escaped), so prose that mentions the format does not count.
 */
export function looksLikeSession(text: string): boolean {
  return /^\s*[{[]/.test(text)
    ? /"format"\s*:\s*"casework-session\//.test(text)
    : /^["']?format["']?\s*:\s*["']?casework-session\//m.test(text)
}
