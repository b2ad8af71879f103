"""Digitizing a file's attached documents: the imaging core, pure Python (Pillow, numpy, OpenCV, img2pdf,
pikepdf), shared by the scanner and camera screens, the import of files and the command line.

- :mod:`records.digitize.pages` — a captured page and its edits (quarter turns, a crop), documents;
- :mod:`records.digitize.sources` — files offered for import, read by content or refused with a reason;
- :mod:`records.digitize.quality` — the quality gate's warnings (blank, low resolution, skewed, oversized,
  missing);
- :mod:`records.digitize.archive` — one PDF per document, at the archive's resolution and colour mode;
- :mod:`records.digitize.page_crop` — the document camera: find the sheet in a photo and straighten it.

Nothing is imported here, so that using one module does not load OpenCV or pikepdf for nothing.
"""
