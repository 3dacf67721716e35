// Comparing screenshots pixel by pixel, in the browser's own PNG decoder (no image library).

/**
 * How many pixels differ between two PNG screenshots of the same size (a different size counts
 * every pixel). `page` is any open page: the images are decoded there.
 */
export async function differingPixels(page, a, b) {
  return page.evaluate(async ([a, b]) => {
    const decode = async (base64) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const image = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(image.width, image.height);
      const context = canvas.getContext('2d');
      context.drawImage(image, 0, 0);
      return context.getImageData(0, 0, image.width, image.height);
    };
    const [x, y] = await Promise.all([decode(a), decode(b)]);
    if (x.width !== y.width || x.height !== y.height) return Math.max(x.width * x.height, y.width * y.height);
    let n = 0;
    for (let i = 0; i < x.data.length; i += 4) {
      if (x.data[i] !== y.data[i] || x.data[i + 1] !== y.data[i + 1] || x.data[i + 2] !== y.data[i + 2]) n += 1;
    }
    return n;
  }, [a.toString('base64'), b.toString('base64')]);
}
