"""Draw static/img/social-card.png, the link-preview image of pages without a photo.

Social networks do not show SVG, so the region's emblem (static/img/logo.svg:
a white tile, a blue shield, a yellow star) is redrawn here with Pillow at
the 1200 × 630 px that Open Graph and Twitter cards ask for. Rerun after
changing the emblem: `.venv/bin/python scripts/draw_social_image.py`.
"""

from pathlib import Path

from PIL import Image, ImageDraw

WIDTH, HEIGHT = 1200, 630
SCALE = 4  # drawn 4× larger and shrunk: smooth edges without an SVG renderer
BLUE, WHITE, YELLOW = "#0a3a66", "#ffffff", "#f2c200"
TILE = 400  # the emblem's 40-unit tile, in output pixels
OUTPUT = Path(__file__).resolve().parent.parent / "static" / "img" / "social-card.png"


def cubic(p0, p1, p2, p3, steps=32):
    """Points along a cubic Bézier curve (the shield's rounded bottom)."""
    return [
        tuple(
            (1 - t) ** 3 * a
            + 3 * (1 - t) ** 2 * t * b
            + 3 * (1 - t) * t**2 * c
            + t**3 * d
            for a, b, c, d in zip(p0, p1, p2, p3, strict=True)
        )
        for t in (i / steps for i in range(steps + 1))
    ]


# logo.svg's paths in its 40 × 40 units.
SHIELD = [
    (8, 8),
    (32, 8),
    *cubic((32, 21), (32, 28), (26.6, 31.6), (20, 34)),
    *cubic((20, 34), (13.4, 31.6), (8, 28), (8, 21)),
]
STAR = [
    (20, 11),
    (22.4, 15.9),
    (27.8, 16.7),
    (23.9, 20.5),
    (24.8, 25.9),
    (20, 23.4),
    (15.2, 25.9),
    (16.1, 20.5),
    (12.2, 16.7),
    (17.6, 15.9),
]


def draw() -> Image.Image:
    image = Image.new("RGB", (WIDTH * SCALE, HEIGHT * SCALE), BLUE)
    pen = ImageDraw.Draw(image)
    unit = TILE * SCALE / 40
    left = (WIDTH * SCALE - TILE * SCALE) / 2
    top = (HEIGHT * SCALE - TILE * SCALE) / 2

    def placed(points):
        return [(left + x * unit, top + y * unit) for x, y in points]

    pen.rounded_rectangle(
        (left, top, left + 40 * unit, top + 40 * unit), radius=6 * unit, fill=WHITE
    )
    pen.polygon(placed(SHIELD), fill=BLUE)
    pen.polygon(placed(STAR), fill=YELLOW)
    return image.resize((WIDTH, HEIGHT), Image.LANCZOS)


if __name__ == "__main__":
    draw().save(OUTPUT, optimize=True)
    print(f"wrote {OUTPUT}")
