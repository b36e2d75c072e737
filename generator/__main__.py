"""`python -m generator`: the same as the `aftersales` command (used to run a worktree's code with a shared venv)."""

from generator.entry import main

main()
