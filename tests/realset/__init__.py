"""The scorer for the real texts of ``../shared/devset`` (see ``score.py``); ``python -m tests.realset``."""
