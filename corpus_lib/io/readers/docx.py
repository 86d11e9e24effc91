"""Reader for Word files (.docx): the paragraphs' text, one per line.
"""
from __future__ import annotations

from pathlib import Path

from ...errors import CorpusError


def read_docx(path: Path) -> str:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError, OSError) as error:
        raise CorpusError(f"{path.name}: not a readable .docx file ({type(error).__name__})") from None
    return "\n".join(paragraph.text for paragraph in document.paragraphs)
