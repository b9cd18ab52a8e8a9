/** Longest side of a sent photo: enough to see the matter, small enough for a slow link (≈ 150–400 kB). */
const MAX_SIDE = 1280;

/** Shrinks a chosen photo to JPEG on the phone before it is sent; resolves with its base64 and size. */
export async function shrinkPhoto(file: File, maxBytes: number): Promise<{ data: string; bytes: number }> {
  const bitmap = await createImageBitmap(file);
  const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(bitmap.width * scale);
  canvas.height = Math.round(bitmap.height * scale);
  canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  for (const quality of [0.75, 0.6, 0.45]) {
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality));
    if (blob && blob.size <= maxBytes) {
      const bytes = new Uint8Array(await blob.arrayBuffer());
      let binary = '';
      for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return { data: btoa(binary), bytes: blob.size };
    }
  }
  throw new Error('photo too large');
}
