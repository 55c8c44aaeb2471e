"""Stage 4, engine: building reports, as a short list of named steps (`build`).

`build` locks the output folder, plans from fingerprints (`fingerprint`) against the record of the
last build (`manifest`), runs each report in a worker process (`executors`, `worker`: a kernel,
papermill, then `html`'s export with `css`'s cut style sheet), and writes `index`; `pdf` prints a
report with headless Chromium, and `extract_corpus` runs the extractor over a corpus on the same
executors.
"""
