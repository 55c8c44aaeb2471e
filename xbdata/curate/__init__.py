"""Stage 2, curate: from articles to the catalogue of statistics, every row tied to its quote.

`articles` knows every article (the seeds and those added), `catalogue` loads and checks the
catalogue and its exclusions, `derive` computes derived figures, `tables` serves the tidy views,
`export` writes them; `propose` drafts rows for a new article from the rule table in `rules`, `add`
registers an article, `review` stores the decisions on its drafts, and `conflicts` lists the
figures on which articles differ.

Named `curate`, not `catalogue`: `xbdata.catalogue()` and `xbdata.articles()` are public
functions, and a subpackage of either name would hide them.
"""
