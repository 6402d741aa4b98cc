"""Downloads: templates as Word documents, and the whole guide on one page to print."""
