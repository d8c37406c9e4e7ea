// Inflates a gzip-compressed corpus file (the index and the chunks of a
// split corpus, see crates/core/src/gzip.rs) with the browser's own
// DecompressionStream: native speed, and no inflate code in the app's wasm.
//
// The output goes straight into a buffer the app allocated in its wasm
// memory (`ptr`, `size` bytes, the size the gzip trailer states), piece by
// piece: no whole inflated copy is ever held in JavaScript. The view is made
// anew for each piece, since the wasm memory may grow meanwhile. Resolves to
// the number of bytes written.
export async function gunzipInto(compressed, memory, ptr, size) {
  const reader = new Blob([compressed]).stream().pipeThrough(new DecompressionStream("gzip")).getReader();
  let at = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return at;
    if (at + value.length > size) throw new Error("the file inflates to more than its gzip trailer states");
    new Uint8Array(memory.buffer, ptr + at, value.length).set(value);
    at += value.length;
  }
}
