"""The project's promises about its own files: one dependency list, and a README that tells the truth."""

import re
import tomllib

import yaml


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~ \[]", requirement.strip(), maxsplit=1)[0].lower().replace("_", "-")


def test_environment_yml_names_the_same_dependencies_as_pyproject(root):
    project = tomllib.loads((root / "pyproject.toml").read_text())["project"]
    wanted = {_name(r) for r in project["dependencies"] + project["optional-dependencies"]["test"]}
    env = yaml.safe_load((root / "environment.yml").read_text())
    conda = [d for d in env["dependencies"] if isinstance(d, str)]
    pip = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    listed = {_name(d) for d in conda + pip if not d.startswith("-")} - {"python", "pip"}
    assert listed == wanted
    assert "-e ." in pip and "python=3.11" in conda


def test_ci_runs_the_readmes_test_command(root):
    readme = (root / "README.md").read_text()
    assert "make test" in readme and "make reports" in readme
    assert "make test" in (root / ".ci" / "run").read_text()


def test_makefile_has_the_readmes_targets(root):
    makefile = (root / "Makefile").read_text()
    for target in ("reports:", "test:"):
        assert re.search(rf"^{target}", makefile, re.M)


# Every way a test can end without asserting: only these, each with its reason where it stands.
SKIP_WORDS = ("pytest." + "skip(", "import" + "orskip(", "mark." + "skip(", "skip" + "if(", "x" + "fail", "pytest." + "exit(")
ALLOWED_SKIPS = {
    # The shared originals live outside the repository, beside the workspace's checkouts only.
    ("test_seeds.py", "skip" + "if("),
}


def test_no_test_skips_silently(root):
    """A test that cannot run fails, naming what is missing (Chromium, distributed, pdftotext are all
    installed by `make test`); the one skip left is the reasoned condition listed above."""
    found = {(path.name, word) for path in sorted((root / "tests").glob("*.py"))
             for word in SKIP_WORDS if word in path.read_text(encoding="utf-8")}
    assert found == ALLOWED_SKIPS


def test_a_users_added_articles_and_builds_are_never_committed(root):
    """`git add -A` must not pick up the article texts a user added (articles/, the default
    $XBDATA_ARTICLES), their drafts and reviews, or what a build wrote."""
    import subprocess

    for path in ("articles/005_0123456789abcdef.txt", "articles/sources.toml", "articles/catalogue.csv",
                 "articles/drafts/005_0123456789abcdef.json", "articles/.xbdata-articles.lock",
                 "reports/market_size.html", "reports/dask.log"):
        run = subprocess.run(["git", "check-ignore", "--no-index", "-q", path], cwd=root)
        assert run.returncode == 0, f"{path} is not git-ignored"
