"""The append-only, hash-chained audit log: every change writes an entry; admins read and
verify the chain; its head is checkpointed outside the table, signed."""
from . import checkpoint
from .chain import GENESIS, ChainReport, canonical, entry_hash, record, verify_chain
from .log import entries_query, entry_dict, report_dict

__all__ = ["GENESIS", "ChainReport", "canonical", "checkpoint", "entries_query", "entry_dict",
           "entry_hash", "record", "report_dict", "verify_chain"]
