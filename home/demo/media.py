"""Pictures and PDF files for the demo, drawn with Pillow: deterministic and offline."""

import datetime
import io
import random
import textwrap

from PIL import Image, ImageDraw, ImageFont

from ldld_wagtail.text import fold

PALETTE = [
    (163, 21, 27),
    (11, 46, 99),
    (31, 111, 67),
    (180, 110, 20),
    (90, 40, 120),
    (20, 110, 130),
]
_FONTS = {
    True: "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    False: "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
}


def _font(size, bold=True):
    """DejaVu has the Vietnamese letters; without it, fall back to Pillow's font and ASCII."""
    try:
        return ImageFont.truetype(_FONTS[bold], size), True
    except OSError:
        return ImageFont.load_default(size=size), False


def _text(draw, xy, text, size, fill="white", bold=True, anchor=None):
    font, unicode_ok = _font(size, bold)
    draw.text(xy, text if unicode_ok else fold(text), fill=fill, font=font, anchor=anchor)


def _jpeg(picture) -> bytes:
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=82, optimize=True)
    return buffer.getvalue()


def _gradient(size, colour, rng, circles=7):
    width, height = size
    picture = Image.new("RGB", size, colour)
    draw = ImageDraw.Draw(picture)
    for y in range(0, height, 4):
        t = y / height
        shade = tuple(int(c + (255 - c) * 0.45 * t) for c in colour)
        draw.rectangle([0, y, width, y + 4], fill=shade)
    for _ in range(circles):
        x, y, r = rng.randint(0, width), rng.randint(0, height), rng.randint(40, height // 4)
        draw.ellipse([x - r, y - r, x + r, y + r], outline=(255, 255, 255), width=5)
    return picture, draw


def photo(index: int, theme: str) -> bytes:
    """A 1200×800 'activity photo': a gradient, a few shapes and the theme as its label."""
    rng = random.Random(index)
    picture, draw = _gradient((1200, 800), PALETTE[index % len(PALETTE)], rng)
    # People-like silhouettes in a row, so that the picture reads as a gathering.
    for k in range(9):
        x = 90 + k * 125 + rng.randint(-15, 15)
        head = rng.randint(26, 34)
        draw.ellipse([x - head, 470 - head, x + head, 470 + head], fill=(245, 235, 220))
        draw.rounded_rectangle([x - 48, 510, x + 48, 700], radius=30, fill=(30, 30, 40))
    draw.rectangle([0, 700, 1200, 800], fill=(0, 0, 0))
    _text(draw, (50, 725), theme, 44)
    _text(draw, (1150, 735), "LĐLĐ tỉnh Lào Cai", 28, bold=False, anchor="ra")
    return _jpeg(picture)


def banner(index: int, title: str, signature: str = "Liên đoàn Lao động tỉnh Lào Cai") -> bytes:
    """A 1200×300 campaign banner with its slogan and who it is from."""
    rng = random.Random(100 + index)
    picture, draw = _gradient((1200, 300), PALETTE[index % len(PALETTE)], rng, circles=0)
    for k in range(0, 1200, 60):  # a sober stripe pattern, behind nothing
        draw.line([k, 300, k + 120, 240], fill=(255, 255, 255), width=2)
    draw.rectangle([0, 0, 1200, 300], outline=(250, 210, 60), width=12)
    _text(draw, (600, 120), title.upper(), 56, fill=(250, 220, 80), anchor="mm")
    _text(draw, (600, 210), signature, 32, anchor="mm")
    return _jpeg(picture)


def org_chart(departments: list[str], units: list[str]) -> bytes:
    """The organisation chart: the committees on top, the departments, then the unions below."""
    picture = Image.new("RGB", (1200, 800), (250, 248, 244))
    draw = ImageDraw.Draw(picture)
    red, blue = (163, 21, 27), (11, 46, 99)

    def box(centre_x, y, width, label, colour, size=22):
        draw.rounded_rectangle(
            [centre_x - width // 2, y, centre_x + width // 2, y + 64], radius=10, fill=colour
        )
        _text(draw, (centre_x, y + 32), label, size, anchor="mm")

    def line(x1, y1, x2, y2):
        draw.line([x1, y1, x2, y2], fill=(90, 90, 90), width=3)

    box(600, 30, 560, "BAN CHẤP HÀNH LĐLĐ TỈNH", red, 26)
    line(600, 94, 600, 130)
    box(600, 130, 560, "BAN THƯỜNG VỤ - THƯỜNG TRỰC", red, 26)
    line(600, 194, 600, 240)
    xs = [120 + k * 240 for k in range(len(departments))]
    line(xs[0], 240, xs[-1], 240)
    for x, label in zip(xs, departments, strict=True):
        line(x, 240, x, 280)
        parts = textwrap.wrap(label, 18)[:3]
        for n, part in enumerate(parts):
            _text(draw, (x, 330 + (2 * n - len(parts) + 1) * 14), part, 18, fill=blue, anchor="mm")
        draw.rounded_rectangle([x - 110, 280, x + 110, 380], radius=10, outline=blue, width=3)
    line(600, 380, 600, 470)
    line(xs[0], 470, xs[-1], 470)
    width = 1100 // len(units)
    for k, label in enumerate(units):
        x = 50 + width // 2 + k * width
        line(x, 470, x, 510)
        draw.rounded_rectangle(
            [x - width // 2 + 8, 510, x + width // 2 - 8, 600], radius=10, fill=blue
        )
        parts = textwrap.wrap(label, 14)[:3]
        for n, part in enumerate(parts):
            _text(draw, (x, 555 + (2 * n - len(parts) + 1) * 12), part, 17, anchor="mm")
    box(600, 660, 700, "CÁC CÔNG ĐOÀN CƠ SỞ", (31, 111, 67), 26)
    line(600, 600, 600, 660)
    return _jpeg(picture)


def pdf(header, number, doc_type, title, lines, day=None, signer="") -> bytes:
    """A one-page A4 PDF laid out like a Vietnamese administrative document."""
    page = Image.new("RGB", (827, 1169), "white")  # A4 at 100 dpi
    draw = ImageDraw.Draw(page)

    def put(xy, text, size, bold=False, anchor=None):
        _text(draw, xy, text, size, fill="black", bold=bold, anchor=anchor)

    put((200, 70), header.upper(), 15, bold=True, anchor="mm")
    put((200, 100), f"Số: {number}", 15, anchor="mm")
    put((590, 70), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 15, bold=True, anchor="mm")
    put((590, 96), "Độc lập - Tự do - Hạnh phúc", 15, bold=True, anchor="mm")
    if isinstance(day, datetime.date):
        when = f"Lào Cai, ngày {day.day:02d} tháng {day.month:02d} năm {day.year}"
        put((590, 130), when, 14, anchor="mm")
    put((413, 220), doc_type.upper(), 24, bold=True, anchor="mm")
    y = 260
    for part in textwrap.wrap(title, 60):
        put((413, y), part, 17, bold=True, anchor="mm")
        y += 28
    y += 30
    for paragraph in lines:
        for part in textwrap.wrap(paragraph, 82):
            put((80, y), part, 15)
            y += 24
        y += 12
    if signer:
        put((600, y + 30), "TM. CƠ QUAN BAN HÀNH", 15, bold=True, anchor="mm")
        put((600, y + 130), signer, 15, bold=True, anchor="mm")
        y += 150
    put((413, y + 60), "(Văn bản minh họa của bản demo)", 13, anchor="mm")
    buffer = io.BytesIO()
    page.save(buffer, "PDF", resolution=100.0, title=f"{number} {title}")
    return buffer.getvalue()
