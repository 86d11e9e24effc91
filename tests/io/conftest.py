"""The seed written in every format once per session (tests/io/seed_files.py), and a loader that names what it
printed on stderr."""
from __future__ import annotations

import pytest

import seed_files


@pytest.fixture(scope="session")
def records(seed_docs):
    return seed_files.seed_records(seed_docs)


@pytest.fixture(scope="session")
def expected_table(seed_docs):
    return seed_files.expected_from_table(seed_docs)


@pytest.fixture(scope="session")
def seed_pages(tmp_path_factory, seed_docs):
    """(the folder of 7 web pages, what each must load as)."""
    folder = tmp_path_factory.mktemp("pages")
    return folder, seed_files.write_pages(folder, seed_docs)


@pytest.fixture(scope="session")
def pdf_font(tmp_path_factory, seed_docs):
    import corpus_lib as cl

    characters = "".join(sorted(set("".join(seed_docs["text"])) | set(seed_files.RUNNING_HEADER + "- 0123456789中扫描件")))
    return seed_files.seed_font(tmp_path_factory.mktemp("font") / "seed.ttf", cl.font_path(), characters)


@pytest.fixture(scope="session")
def seed_pdfs(tmp_path_factory, seed_docs, pdf_font):
    """(the folder of 7 PDFs, the texts they must load as)."""
    folder = tmp_path_factory.mktemp("pdfs")
    return folder, seed_files.write_pdfs(folder, seed_docs, str(pdf_font))
