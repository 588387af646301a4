"""Draw the app's home-screen icons (run at development time; the PNGs are committed).

A plain brand-purple square with a white basket mark, readable at 48 px; the maskable icon keeps
its mark inside the central safe zone that Android crops to a circle.
"""

from pathlib import Path

from PIL import Image, ImageDraw

BRAND = (122, 46, 142)
OUT = Path(__file__).resolve().parent.parent / "static" / "icons"


def draw(size, *, maskable=False):
    image = Image.new("RGB", (size, size), BRAND)
    pen = ImageDraw.Draw(image)
    inset = size * (0.28 if maskable else 0.18)
    left, right = inset, size - inset
    top, bottom = size * 0.42, size - inset
    width = max(2, size // 24)
    # The basket's handle, then its body: an OTOP fair is a market.
    pen.arc(
        (left + size * 0.08, size * 0.22, right - size * 0.08, top + size * 0.16),
        180,
        360,
        fill="white",
        width=width,
    )
    pen.polygon(
        [(left, top), (right, top), (right - size * 0.07, bottom), (left + size * 0.07, bottom)],
        fill="white",
    )
    for step in (1, 2):
        y = top + (bottom - top) * step / 3
        pen.line((left + size * 0.05, y, right - size * 0.05, y), fill=BRAND, width=width)
    return image


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    for size in (192, 512):
        draw(size).save(OUT / f"icon-{size}.png", optimize=True)
    draw(512, maskable=True).save(OUT / "icon-maskable-512.png", optimize=True)
    draw(180).save(OUT / "apple-touch-icon.png", optimize=True)


if __name__ == "__main__":
    main()
