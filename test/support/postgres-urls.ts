export function templateDatabaseName() {
  return `sirmi_template_${process.pid}`;
}

/** Database creation and removal go through the server's maintenance database. */
export function adminUrlOf(url: string) {
  const parsed = new URL(url);
  parsed.pathname = "/postgres";
  return parsed.toString();
}

export function withDatabaseName(url: string, name: string) {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}
