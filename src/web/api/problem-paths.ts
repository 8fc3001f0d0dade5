/** "/body/authorisation/expiresOn" or "/address/comune" → "authorisation.expiresOn", "address.comune". */
export function formPathOf(problemPath: string): string {
  return problemPath
    .replace(/^\/body(?=\/|$)/, "")
    .replace(/^\//, "")
    .split("/")
    .filter(Boolean)
    .join(".");
}
