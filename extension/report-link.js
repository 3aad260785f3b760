// The link to the full report on the service's web page. The report travels in the URL
// fragment (after #), which browsers never send to a server: deflate-raw, then base64url.
// Contact details are dropped first; the page at "/" decodes and renders it.

export async function reportLink(serviceUrl, report) {
  const shared = { ...report, candidate: null };
  const bytes = new TextEncoder().encode(JSON.stringify(shared));
  const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream("deflate-raw"));
  const packed = new Uint8Array(await new Response(stream).arrayBuffer());
  let binary = "";
  for (let i = 0; i < packed.length; i += 0x8000) {
    binary += String.fromCharCode(...packed.subarray(i, i + 0x8000));
  }
  const encoded = btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  return `${serviceUrl}/#report=${encoded}`;
}
