// Reads a report handed over in the URL fragment (#report=...) by the browser extension:
// base64url of deflate-raw JSON. The fragment never reaches the server.

export async function reportFromFragment(hash) {
  if (!hash.startsWith("#report=")) return null;
  const encoded = hash.slice("#report=".length).replace(/-/g, "+").replace(/_/g, "/");
  const binary = atob(encoded + "=".repeat((4 - (encoded.length % 4)) % 4));
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
  const report = JSON.parse(await new Response(stream).text());
  if (typeof report.score !== "number" || !Array.isArray(report.components)) {
    throw new Error("the link does not hold a jobfit report");
  }
  return report;
}
