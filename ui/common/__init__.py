"""What every screen uses: the task runner, progress, table model and page, shared widgets."""
