"""Data-quality suites (Great Expectations) and their results as rows an auditor can read."""
