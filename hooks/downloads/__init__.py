"""Downloads: templates as Word and OpenDocument files, and the whole guide on one page to print."""
