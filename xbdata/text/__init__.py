"""Stage 1, text: the Chinese of the articles, read and written; it knows nothing of the catalogue.

`words` is the one table of the words articles write numbers with, `units` the one vocabulary of
units; `numbers` parses a quantity, `extract` finds every numeric mention in an article, `script`
converts between simplified and traditional characters; `formatting` and `labels` write figures
and the words a reader sees, once per language.
"""
