// Small per-comment results carved from shared 64 KB slabs, as Node pools small Buffers: V8
// gives every typed array over 64 bytes a backing store of its own, outside the heap, made
// and freed for every comment, which cost more than filling it. A slab lives while any
// result carved from it does; a large result gets a buffer of its own.
const SLAB = 64 * 1024;
let slab = new ArrayBuffer(SLAB);
let slabUsed = 0;

/** Room for `bytes`: a buffer and the offset to use in it (a multiple of 8). */
export function slabSpace(bytes: number): [ArrayBuffer, number] {
  if (bytes > SLAB / 4) return [new ArrayBuffer(bytes), 0];
  if (slabUsed + bytes > SLAB) {
    slab = new ArrayBuffer(SLAB);
    slabUsed = 0;
  }
  const at = slabUsed;
  slabUsed = (slabUsed + bytes + 7) & ~7; // the next result's Int32Arrays stay aligned
  return [slab, at];
}
