"""Analytics for BKD and heads of OPD: discipline heatmaps, lateness trends, tiers, OPD
ranking, arrival-time distribution and fraud signals, aggregated in SQL and pandas."""
from .aggregates import heatmap, ranking, tiers, trend
from .arrivals import distribution
from .fraud import signals

__all__ = ["distribution", "heatmap", "ranking", "signals", "tiers", "trend"]
