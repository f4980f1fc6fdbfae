"""Links hidden in QR codes ("quishing"): images attached to or embedded in a message are
decoded with zxing-cpp, within bounds (bytes, pixels, images per message), never fetched."""

from __future__ import annotations

import io
import warnings

MAX_IMAGE_BYTES = 5 * 1024 * 1024
MAX_PIXELS = 20_000_000
MAX_IMAGES = 6
_MAGIC = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"BM", b"RIFF")


def is_image(data: bytes) -> bool:
    return data.startswith(_MAGIC) and (not data.startswith(b"RIFF") or data[8:12] == b"WEBP")


def codes_in(data: bytes) -> list[str]:
    """The texts of the QR codes in one image; [] when there are none or it cannot be read."""
    if len(data) > MAX_IMAGE_BYTES or not is_image(data):
        return []
    import zxingcpp
    from PIL import Image

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            img = Image.open(io.BytesIO(data))
            if img.width * img.height > MAX_PIXELS:
                return []
            img.load()
            gray = img.convert("L")
        found = zxingcpp.read_barcodes(gray, formats=zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode))
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError, Image.DecompressionBombWarning):
        return []
    except Exception:
        return []
    return [r.text for r in found if r.text]
