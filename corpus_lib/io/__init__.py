"""Input and output: corpus files and folders -> the documents table; figures and tables -> files."""
