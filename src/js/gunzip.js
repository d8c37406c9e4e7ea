// Inflates a gzip-compressed corpus file (the index and the chunks of a
// split corpus, see crates/core/src/gzip.rs) with the browser's own
// DecompressionStream: native speed, and no inflate code in the app's wasm.
export async function gunzip(bytes) {
  // The Blob copies the bytes at once (they are a view of the wasm memory).
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
