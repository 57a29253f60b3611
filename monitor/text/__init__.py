"""Pure judgements on text: URLs, relevance, statements, sanction reports. No I/O here."""
