"""The one error type that users see as a single clear line."""


class CorpusError(ValueError):
    """Bad input: the message names the problem (and the file or row) in one line."""
