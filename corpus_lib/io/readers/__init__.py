"""One reader per input format, each turning a file into text."""
