"""The UI-test core: directives, annotations, normalisation, running, comparison and blessing."""
