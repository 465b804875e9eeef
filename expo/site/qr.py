"""QR codes of page addresses, for a booth's poster at a physical stand (segno, SVG; pure)."""

from __future__ import annotations

import io

import segno


def qr_svg(address: str) -> bytes:
    """An SVG QR code of an absolute page address: black on white, a quiet zone of 4 modules,
    error correction M (still reads with a crease or a glare across a printed poster). Sized by
    its viewBox, so it is sharp at any size the page gives it."""
    if not address.startswith(("https://", "http://")):
        raise ValueError(f"a QR code needs an absolute address, got {address!r}")
    out = io.BytesIO()
    segno.make(address, error="m", micro=False).save(
        out, kind="svg", border=4, dark="#000", light="#fff", xmldecl=False, svgclass=None,
        lineclass=None, omitsize=True)
    return out.getvalue()
