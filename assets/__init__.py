"""The thin Dagster shell: one module per stage; each asset names a warehouse table and calls the core."""
