"""Stage 5, explore: the catalogue in JupyterLab and in plain Python. `lookup` finds statistics
(search across scripts, context, related figures), `explorer` is the statistics explorer widget,
and `review_panel` the panel that reviews an added article's drafts."""
