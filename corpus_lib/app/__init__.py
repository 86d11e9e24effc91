"""Front ends: the command line, the notebook helpers, ``run`` and what it writes. No analysis logic here."""
