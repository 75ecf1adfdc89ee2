"""What the browser tests share: how they skip and fail (ctest's SKIP_RETURN_CODE
77), and the project copied to a scratch folder and built with the tools."""

import os
import shutil
import subprocess
import sys

SKIP = 77


def skip(why):
    print(f"l10n-test-skipped: {why}")
    sys.exit(SKIP)


def fail(why):
    print(f"FAIL: {why}")
    sys.exit(1)


def built_site(build, project, tmp):
    """Copies the project's l10n.toml, corpus/ and locales/ into tmp/site, runs
    l10n-extract and l10n-merge there, and returns the folder."""
    root = os.path.join(tmp, "site")
    os.mkdir(root)
    for name in ("l10n.toml", "corpus", "locales"):
        src = os.path.join(project, name)
        if os.path.isdir(src):
            shutil.copytree(src, os.path.join(root, name))
        else:
            shutil.copy(src, root)
    for tool in ("l10n-extract", "l10n-merge"):
        run = subprocess.run([os.path.join(build, tool), "-q"], cwd=root,
                             capture_output=True, text=True)
        if run.returncode != 0:
            fail(f"{tool}: {run.stderr}")
    return root
