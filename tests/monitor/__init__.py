"""Tests of the monitor: dedup keys, stories, the processing queue."""
