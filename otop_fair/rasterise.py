"""PDF pages as one PNG image, for posting a report in a LINE group from a phone.

WeasyPrint writes PDF only and no browser runs on the server, so the PDF WeasyPrint made (with
its Thai shaping) is rasterised by PDFium; pages are stacked into one tall image.
"""

import io

PHONE_WIDTH_PX = 1080


def pdf_to_png(pdf_bytes, *, width_px=PHONE_WIDTH_PX):
    """Every page of the PDF rendered `width_px` wide and stacked top to bottom, as PNG bytes."""
    # Imported late, like WeasyPrint: most processes never rasterise anything.
    import pypdfium2
    from PIL import Image

    document = pypdfium2.PdfDocument(pdf_bytes)
    try:
        pages = []
        for page in document:
            scale = width_px / page.get_width()
            pages.append(page.render(scale=scale).to_pil().convert("RGB"))
            page.close()
    finally:
        document.close()
    sheet = Image.new("RGB", (width_px, sum(p.height for p in pages)), "white")
    top = 0
    for image in pages:
        sheet.paste(image, (0, top))
        top += image.height
    out = io.BytesIO()
    sheet.save(out, format="PNG")
    return out.getvalue()
