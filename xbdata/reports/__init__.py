"""Stage 3, reports: what a report says and draws, from the catalogue's tables.

`parameters` lists the reports and checks their parameters (one validator for the command line,
the build and the notebooks); `story` is the base every report builds on, and `market_size`,
`user_demographics` and `category_trends` are the reports, each with its words once per language;
`registry.open_report` is what a notebook calls. `charts` draws offline with Altair, and `figure`
gives each chart its footer: sources, notes, downloads and a citation. `deferred` keeps what altair
imports but no report uses (jsonschema's IRI grammar) from costing every kernel its start.
"""
