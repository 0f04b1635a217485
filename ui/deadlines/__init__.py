"""Every clock the panel runs to, and where each leads."""
