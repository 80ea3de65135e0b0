#!/usr/bin/python3
"""Turns page images into a scanned PDF as an office scanner makes one.

Usage: scan_damage.py OUT.pdf DPI MODE SEED PAGE.pgm...
  MODE: gray (8-bit, JPEG-compressed at quality 60) or bilevel (1-bit, thresholded after the noise)
  SEED: a string; the same seed gives the same skew and noise, so fixtures are reproducible.

Each page is rotated by an angle drawn from -1°..1° (white fill), given Gaussian sensor noise and a sprinkle
of specks, then stored at DPI. Debian's python3-pil only.
"""
import io
import random
import sys

from PIL import Image, ImageFilter


def damage(page, rng, mode):
    angle = rng.uniform(-1.0, 1.0)
    page = page.rotate(angle, resample=Image.BICUBIC, expand=False, fillcolor=255)
    width, height = page.size
    noise = Image.effect_noise((width, height), 18).filter(ImageFilter.GaussianBlur(0.6))
    # Noise is centred on 128: shift the page's pixels by it, darkening and lightening alike.
    page = Image.eval(Image.blend(page, noise, 0.18), lambda v: min(255, max(0, int((v - 0.18 * 128) / 0.82))))
    specks = page.load()
    for _ in range(width * height // 20000):
        x, y = rng.randrange(width - 2), rng.randrange(height - 2)
        for dx in range(rng.choice((1, 2))):
            for dy in range(rng.choice((1, 2))):
                specks[x + dx, y + dy] = 0
    if mode == "bilevel":
        return page.point(lambda v: 255 if v > 150 else 0, mode="1")
    # A gray scan goes through JPEG, as scanners store it, and keeps its blocking.
    buffer = io.BytesIO()
    page.save(buffer, format="JPEG", quality=60)
    return Image.open(io.BytesIO(buffer.getvalue()))


def main():
    if len(sys.argv) < 6 or sys.argv[3] not in ("gray", "bilevel"):
        sys.exit(__doc__)
    out, dpi, mode, seed = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
    rng = random.Random(seed)
    pages = [damage(Image.open(path).convert("L"), rng, mode) for path in sys.argv[5:]]
    pages[0].save(out, format="PDF", resolution=dpi, save_all=True, append_images=pages[1:])


if __name__ == "__main__":
    main()
