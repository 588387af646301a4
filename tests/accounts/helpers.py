"""Reading what the account pages hand out: slips as pictures and text, invitation links."""

import io

import pypdfium2
import zxingcpp
from pypdf import PdfReader


def slip_pages(pdf_bytes, scale=3):
    """Each page of a slip PDF as a PIL image (about 216 dpi)."""
    document = pypdfium2.PdfDocument(pdf_bytes)
    return [page.render(scale=scale).to_pil() for page in document]


def qr_links(pdf_bytes):
    """Every QR code on every page, decoded by an independent reader."""
    return [
        code.text
        for image in slip_pages(pdf_bytes)
        for code in zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
    ]


def slip_text(pdf_bytes):
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf_bytes)).pages)


def path_of(url):
    return url.split("://", 1)[-1].split("/", 1)[-1].join(["/", ""])
