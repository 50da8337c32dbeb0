"""Checking and cleaning an uploaded avatar.

A file is accepted by what Pillow decodes from its content, never by its name or the content
type the browser sent. The accepted picture is redrawn from its pixels into a new WebP file at
most PROFILE_AVATAR_SIZE pixels wide and high, so nothing from the original file survives:
no EXIF, no GPS position, no comments, no hidden payload after the image data.
"""

import io
import uuid
import warnings

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from PIL import Image, ImageOps, UnidentifiedImageError

ACCEPTED_FORMATS = {"JPEG": "JPEG", "PNG": "PNG", "WEBP": "WebP"}
ACCEPTED_LABEL = "JPEG, PNG or WebP"


def avatar_clean(upload: UploadedFile) -> ContentFile:
    """A clean, resized WebP copy of `upload`, or ValidationError saying why it was refused."""
    max_bytes = settings.PROFILE_AVATAR_MAX_BYTES
    if upload.size > max_bytes:
        raise ValidationError(
            f"This file is {filesizeformat(upload.size)}; a photo may be at most "
            f"{filesizeformat(max_bytes)}. Please choose a smaller one.",
            code="too_large",
        )
    # Pillow warns about, then refuses, images far larger than any photo; treat its warning
    # as a refusal too, whatever the process-wide warning filters say.
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            # Only the three decoders we accept ever parse the upload.
            upload.seek(0)
            with Image.open(upload, formats=list(ACCEPTED_FORMATS)) as image:
                _check_format_and_size(image)
                image.verify()
            upload.seek(0)
            with Image.open(upload, formats=list(ACCEPTED_FORMATS)) as image:
                image.load()
                return _redrawn(image)
        except ValidationError:
            raise
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
            raise _too_many_pixels() from error
        except UnidentifiedImageError as error:
            raise ValidationError(
                f"This file is not a {ACCEPTED_LABEL} picture (we read what is inside the "
                "file, not its name). Please upload a photo in one of those formats.",
                code="not_an_image",
            ) from error
        except (OSError, SyntaxError, ValueError) as error:
            # Pillow reports truncated or corrupt image data in these ways.
            raise ValidationError(
                "This picture seems damaged and could not be read. Please try another file.",
                code="corrupt",
            ) from error


def _check_format_and_size(image: Image.Image) -> None:
    if image.format not in ACCEPTED_FORMATS:
        raise ValidationError(
            f"This file is a {image.format} image; please upload a {ACCEPTED_LABEL} picture.",
            code="format",
        )
    width, height = image.size
    if width * height > settings.PROFILE_AVATAR_MAX_PIXELS:
        raise _too_many_pixels(width, height)


def _too_many_pixels(width: int | None = None, height: int | None = None) -> ValidationError:
    size = f" ({width} by {height} pixels)" if width and height else ""
    return ValidationError(
        f"This picture is far too large{size} to be a profile photo. Please upload one of at "
        f"most {settings.PROFILE_AVATAR_MAX_PIXELS:,} pixels.",
        code="too_many_pixels",
    )


def _redrawn(image: Image.Image) -> ContentFile:
    image = ImageOps.exif_transpose(image)  # turn it the way the camera meant, then drop EXIF
    has_alpha = image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
    image = image.convert("RGBA" if has_alpha else "RGB")
    side = settings.PROFILE_AVATAR_SIZE
    image.thumbnail((side, side), Image.Resampling.LANCZOS)
    # A new image from the bare pixels carries no metadata from the upload.
    clean = Image.frombytes(image.mode, image.size, image.tobytes())
    output = io.BytesIO()
    clean.save(output, format="WEBP", quality=85, method=4)
    return ContentFile(output.getvalue(), name=f"{uuid.uuid4().hex}.webp")
