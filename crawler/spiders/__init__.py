"""One data-only module per outlet, each a subclass of its platform's spider."""
