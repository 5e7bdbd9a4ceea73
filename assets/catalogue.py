"""Stage 1: the target catalogue and the policy documents it quotes."""

import dagster as dg

from assets.metadata import table_metadata
from assets.resources import TargetwatchPaths
from targetwatch.catalogue import catalogue_tables, load_catalogue
from targetwatch.documents import load_documents
from targetwatch.warehouse import cache_dir, save_catalogue, write_tables

CATALOGUE_TABLES = {
    "targets": "One row per target in targets.yaml: jurisdiction, indicator, comparator, value, deadline, owners.",
    "target_sources": "One row per (target, source sentence): document, clause, verbatim quote and its offsets.",
    "target_departments": "One row per (target or measure, lead department) from the brackets in the documents.",
    "indicators": "One row per indicator: definition, unit, stock/flow, aliases, and which target it proxies.",
    "jurisdictions": "One row per jurisdiction with its GB/T 2260 administrative code.",
    "policy_documents": "One row per source policy document: issuer, date, number, file sha256.",
    "measures": "One row per policy measure with no number (for department pages).",
}

PREVIEW_COLUMNS = {
    "targets": ("target_id", "jurisdiction", "indicator", "comparator", "value", "unit", "deadline"),
    "target_sources": ("target_id", "document", "clause", "quote"),
    "indicators": ("code", "name_zh", "name_en", "unit", "proxy_of"),
    "jurisdictions": ("code", "admin_code", "name_zh", "name_en", "level"),
    "policy_documents": ("id", "number", "title_zh", "issuer_zh", "date"),
    "measures": ("id", "document", "clause", "title_zh", "departments"),
}


@dg.multi_asset(
    specs=[
        dg.AssetSpec(name, description=desc, group_name="catalogue", kinds={"duckdb"})
        for name, desc in CATALOGUE_TABLES.items()
    ],
)
def catalogue(context: dg.AssetExecutionContext, paths: TargetwatchPaths):
    """Validate targets.yaml (schema and every quote against its document) and write the catalogue tables."""
    s = paths.settings()
    documents = load_documents(s.policies_dir)
    # CatalogueError names file:line: id: problem; an unchanged targets.yaml is not parsed again (the parse cache)
    cat = load_catalogue(s.targets_file, documents, cache=cache_dir(s.out_dir))
    with paths.duckdb.get_connection() as con:
        write_tables(con, catalogue_tables(cat, documents, arrow=True))  # the large tables as Arrow
        metadata = {name: table_metadata(con, name, PREVIEW_COLUMNS.get(name, ())) for name in CATALOGUE_TABLES}
    save_catalogue(s.build_dir, cat)  # its places and indicators, which ingestion and the checks read from here
    for name in CATALOGUE_TABLES:
        yield dg.MaterializeResult(asset_key=name, metadata=metadata[name])
