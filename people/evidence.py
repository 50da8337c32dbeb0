"""Certification evidence files: what we accept, and how we hand them back.

Uploads are judged by their content, never by their name or the browser's content type: a file
is a PDF, a JPEG or a PNG because its bytes say so. Files live in the "private" storage and
leave it only through `evidence_response()`, which the member's own page uses and the
reviewers' pages can reuse after their own permission check.
"""

import warnings
from dataclasses import dataclass
from typing import IO

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.http import FileResponse, Http404
from PIL import Image, UnidentifiedImageError

from people.models import Certification

MAX_EVIDENCE_BYTES = 10 * 1024 * 1024
MAX_EVIDENCE_PIXELS = 50_000_000  # an A4 page scanned at 600 dpi is about 35 million
# A PDF ends with %%EOF, possibly followed by a little whitespace or a trailing line from the
# program that wrote it; 1 KiB covers what real writers leave behind.
PDF_TRAILER_WINDOW = 1024


@dataclass(frozen=True)
class EvidenceKind:
    label: str
    content_type: str
    extension: str
    magic: bytes
    pillow_format: str = ""  # set for images: Pillow must read them as this format

    @property
    def is_image(self) -> bool:
        return bool(self.pillow_format)


PDF = EvidenceKind("PDF", "application/pdf", "pdf", b"%PDF-")
PNG = EvidenceKind("PNG image", "image/png", "png", b"\x89PNG\r\n\x1a\n", pillow_format="PNG")
JPEG = EvidenceKind("JPEG image", "image/jpeg", "jpg", b"\xff\xd8\xff", pillow_format="JPEG")
EVIDENCE_KINDS = (PDF, PNG, JPEG)
ACCEPTED_DESCRIPTION = "a PDF, JPEG or PNG file up to 10 MB"
# Extensions a member might give the file; only used to explain a refusal.
_NAMED_AS = {"pdf": PDF, "png": PNG, "jpg": JPEG, "jpeg": JPEG}


def kind_of(head: bytes) -> EvidenceKind | None:
    """The kind a file's first bytes announce, or None."""
    for kind in EVIDENCE_KINDS:
        if head.startswith(kind.magic):
            return kind
    return None


def _read_head_and_tail(file: IO[bytes], size: int) -> tuple[bytes, bytes]:
    file.seek(0)
    head = file.read(16)
    file.seek(max(0, size - PDF_TRAILER_WINDOW))
    tail = file.read(PDF_TRAILER_WINDOW)
    file.seek(0)
    return head, tail


def _image_problem(file: IO[bytes], kind: EvidenceKind) -> str | None:
    """None for a sound image; otherwise "too_many_pixels" or "damaged"."""
    file.seek(0)
    try:
        with warnings.catch_warnings():
            # A decompression bomb is refused, not just warned about.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(file) as image:
                if image.format != kind.pillow_format:
                    return "damaged"
                width, height = image.size
                # Reviewers' browsers decode these: keep them to a generous scan size.
                if width * height > MAX_EVIDENCE_PIXELS:
                    return "too_many_pixels"
                image.verify()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        return "too_many_pixels"
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError):
        # What Pillow raises for truncated or corrupt data.
        return "damaged"
    finally:
        file.seek(0)
    return None


def validate_evidence_file(upload: UploadedFile) -> EvidenceKind:
    """The kind of an acceptable evidence file; otherwise a ValidationError saying why."""
    size = upload.size or 0
    if size == 0:
        raise ValidationError("The file is empty. Choose the certificate file again.", code="empty")
    if size > MAX_EVIDENCE_BYTES:
        raise ValidationError(
            f"The file is {size / (1024 * 1024):.1f} MB; evidence files can be up to 10 MB. "
            "Upload a smaller scan or give a link instead.",
            code="too_large",
        )
    head, tail = _read_head_and_tail(upload, size)
    kind = kind_of(head)
    if kind is None:
        name = upload.name or ""
        extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
        named = _NAMED_AS.get(extension)
        if named:
            raise ValidationError(
                f"The file is named .{extension}, but its content is not a {named.label}. "
                f"Only {ACCEPTED_DESCRIPTION} is accepted, whatever its name says.",
                code="wrong_content",
            )
        raise ValidationError(
            f"This file's content is not a PDF, JPEG or PNG. Only {ACCEPTED_DESCRIPTION} "
            "is accepted.",
            code="wrong_content",
        )
    if kind is PDF and b"%%EOF" not in tail:
        raise ValidationError(
            "The PDF is incomplete: it has no end-of-file marker (%%EOF). "
            "Save or download it again and upload the complete file.",
            code="truncated_pdf",
        )
    problem = _image_problem(upload, kind) if kind.is_image else None
    if problem == "too_many_pixels":
        raise ValidationError(
            f"The {kind.label} is too large in pixels (more than "
            f"{MAX_EVIDENCE_PIXELS // 1_000_000} megapixels). Scan or export it at a lower "
            "resolution, or upload a PDF.",
            code="too_many_pixels",
        )
    if problem:
        raise ValidationError(
            f"The {kind.label} is damaged or incomplete and cannot be opened. "
            "Export it again and upload the new file.",
            code="damaged_image",
        )
    return kind


def evidence_response(certification: Certification, *, inline: bool = False) -> FileResponse:
    """Send a certification's evidence file. The caller has already checked who is asking.

    The content type comes from the validated kind; anything unrecognised is sent as an opaque
    download. nosniff stops a browser from guessing its way to HTML.
    """
    if not certification.evidence_file:
        raise Http404("This certification has no evidence file.")
    try:
        file = certification.evidence_file.storage.open(certification.evidence_file.name, "rb")
    except FileNotFoundError as error:
        raise Http404("The evidence file is missing.") from error
    # The stored name is ours, but the content may have arrived by another route (the admin),
    # so the type sent to a browser is sniffed again from the bytes.
    kind = kind_of(file.read(16))
    file.seek(0)
    if kind is None:
        content_type, extension, inline = "application/octet-stream", "bin", False
    else:
        content_type, extension = kind.content_type, kind.extension
    response = FileResponse(
        file,
        content_type=content_type,
        as_attachment=not inline,
        filename=f"certification-{certification.pk}-evidence.{extension}",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
