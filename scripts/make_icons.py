"""Draw the web app's icons (api/webapp/icons/*.png) with Pillow: a white check mark in a
circle on Hadir's green. Run once after a design change; the PNGs are committed."""
from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

GREEN, WHITE = (15, 107, 79), (255, 255, 255)
OUT = Path(__file__).resolve().parents[1] / "api" / "webapp" / "icons"


def icon(size: int, maskable: bool) -> Image.Image:
    scale = 4  # drawn large, then downsampled for smooth edges
    big = size * scale
    background = GREEN if maskable else (0, 0, 0, 0)
    image = Image.new("RGB" if maskable else "RGBA", (big, big), background)
    draw = ImageDraw.Draw(image)
    if not maskable:
        draw.rounded_rectangle((0, 0, big - 1, big - 1), radius=big // 5, fill=GREEN)
    inset = big * (0.26 if maskable else 0.18)  # maskable icons keep a safe zone
    draw.ellipse((inset, inset, big - inset, big - inset), outline=WHITE, width=big // 22)
    tick = [(0.36, 0.52), (0.46, 0.62), (0.65, 0.40)]
    draw.line([(x * big, y * big) for x, y in tick], fill=WHITE, width=big // 14, joint="curve")
    return image.resize((size, size), Image.LANCZOS)


if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    for size in (192, 512):
        icon(size, False).save(OUT / f"icon-{size}.png", optimize=True)
    icon(512, True).save(OUT / "icon-maskable-512.png", optimize=True)
