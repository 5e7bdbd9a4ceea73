"""Report readers: one module per input format, a shared normaliser, and the quarantine rules.

Every reader returns raw rows (as written, with their location in the file) and the rows it could
not parse (with a reason). `normalise` turns raw rows into observations in base units, or rejects
them with a reason in plain words: nothing is ever dropped without a recorded reason.
"""
