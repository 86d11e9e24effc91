"""Figure tests, one module per ``corpus_lib/plots/<analysis>.py`` (a package, so its module names never clash
with the analysis tests of the same name in ``tests/``)."""
