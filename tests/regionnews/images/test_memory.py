"""Validating, cleaning and rendering any accepted upload stays under 300 MB.

Each case is the largest image of its kind that validation accepts (a 1.9 KB
WebP of 50 megapixels took 844 MB before), measured as the peak resident
memory of a fresh process that does nothing else.
"""

import io
import math
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from regionnews.images.validation import pixel_limit, validate_image_file

ROOT = Path(__file__).resolve().parents[3]
LIMIT_MB = 300


def largest_accepted(image_format: str, mode: str) -> bytes:
    probe = Image.new(mode, (1, 1))
    probe.format = image_format
    pixels = pixel_limit(probe)
    width = min(16383, math.isqrt(pixels * 3 // 2))
    height = pixels // width
    buffer = io.BytesIO()
    Image.new(mode, (width, height), "white").save(buffer, image_format)
    return buffer.getvalue()


CASES = {
    "WebP": ("WEBP", "RGB", "webp"),
    "WebP with alpha": ("WEBP", "RGBA", "webp"),
    "PNG": ("PNG", "RGB", "png"),
    "PNG with alpha": ("PNG", "RGBA", "png"),
    "JPEG": ("JPEG", "RGB", "jpg"),
}


@pytest.mark.parametrize("case", CASES)
def test_the_largest_accepted_upload_costs_under_300_mb(tmp_path, case):
    image_format, mode, extension = CASES[case]
    path = tmp_path / f"largest.{extension}"
    path.write_bytes(largest_accepted(image_format, mode))

    result = subprocess.run(
        [sys.executable, "-m", "tests.regionnews.images.peak_memory", str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )

    assert result.returncode == 0, result.stderr[-2000:]
    assert int(result.stdout.split()[-1]) < LIMIT_MB


def test_a_webp_over_its_pixel_limit_is_refused_before_decoding():
    probe = Image.new("RGB", (1, 1))
    probe.format = "WEBP"
    assert pixel_limit(probe) < settings.IMAGE_MAX_PIXELS
    buffer = io.BytesIO()
    Image.new("RGB", (16383, 3051)).save(buffer, "WEBP")  # 1.9 KB, 50 MP

    with pytest.raises(ValidationError, match="10 megapixel"):
        validate_image_file(SimpleUploadedFile("bomb.webp", buffer.getvalue()))
